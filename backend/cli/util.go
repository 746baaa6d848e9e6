package cli

import "strings"

func splitFields(s string) []string { return strings.Fields(s) }

func joinWords(w []string) string { return strings.Join(w, " ") }
