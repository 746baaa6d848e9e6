/** utc shows a UTC time the backend sends (`2025-03-14T08:12:45Z`) as `2025-03-14 08:12:45`. */
export const utc = (t: string) => t.replace('T', ' ').replace('Z', '')
