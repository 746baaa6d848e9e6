/** copyText puts text on the clipboard: the window's runtime, else the browser's clipboard. */
export async function copyText(text: string): Promise<boolean> {
  const rt = (window as unknown as { runtime?: { ClipboardSetText?: (t: string) => Promise<boolean> } }).runtime
  try {
    if (rt?.ClipboardSetText && (await rt.ClipboardSetText(text))) return true
  } catch {
    // fall through to the browser's clipboard
  }
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
