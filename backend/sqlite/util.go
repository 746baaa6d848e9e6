package sqlite

import "strings"

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
