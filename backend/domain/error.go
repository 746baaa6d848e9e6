// Package domain holds Partnerbook's types, its validation rules and its coded errors.
// The store, the importers, the commission engine, the PDF writer, mail and sync are its
// siblings and meet only through it.
package domain

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes. They are stable: the window, the command line and the sync endpoint map them
// to messages, exit codes and HTTP statuses.
const (
	EInvalid  = "invalid"   // the input was refused; nothing changed
	ENotFound = "not_found" // a named thing does not exist
	EConflict = "conflict"  // the input clashes with what is stored (a taken key, a cycle)
	EInternal = "internal"  // a fault of ours or of the machine
)

// MaxProblems is how many problems an error reports at most (the rest are counted).
const MaxProblems = 100

// Problem is one thing wrong with the input, located as precisely as the input allows.
type Problem struct {
	File    string `json:"file,omitempty"`
	Row     int    `json:"row,omitempty"`
	Column  string `json:"column,omitempty"`
	Value   string `json:"value,omitempty"`
	Message string `json:"message"`
}

// String renders a problem the way cli.md shows it:
// `orders.csv:17: column "Total": "12,3.0" is not an amount`.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Row > 0 {
			fmt.Fprintf(&b, ":%d", p.Row)
		}
		b.WriteString(": ")
	} else if p.Row > 0 {
		fmt.Fprintf(&b, "row %d: ", p.Row)
	}
	if p.Column != "" {
		fmt.Fprintf(&b, "column %q: ", p.Column)
	}
	b.WriteString(p.Message)
	return b.String()
}

// Error is an error with a code, a message a person can read, and the problems behind it.
type Error struct {
	Code     string    `json:"code"`
	Message  string    `json:"message"`
	Problems []Problem `json:"problems,omitempty"`
	// More counts problems left out beyond MaxProblems.
	More int `json:"more,omitempty"`
}

func (e *Error) Error() string {
	if len(e.Problems) == 0 {
		return e.Message
	}
	lines := []string{e.Message}
	for _, p := range e.Problems {
		lines = append(lines, "  "+p.String())
	}
	if e.More > 0 {
		lines = append(lines, fmt.Sprintf("  … and %d more", e.More))
	}
	return strings.Join(lines, "\n")
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns an EInvalid error listing the problems (at most MaxProblems of them).
func Invalid(message string, problems []Problem) *Error {
	e := &Error{Code: EInvalid, Message: message, Problems: problems}
	if len(problems) > MaxProblems {
		e.Problems, e.More = problems[:MaxProblems], len(problems)-MaxProblems
	}
	return e
}

// ErrorCode returns the code of err, EInternal for errors that carry none.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// AsError returns err as an *Error; errors without a code become EInternal with their text.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: EInternal, Message: err.Error()}
}

// Problems collects problems while validating.
type Problems []Problem

// Add records a problem with a column and a message.
func (ps *Problems) Add(column, format string, args ...any) {
	*ps = append(*ps, Problem{Column: column, Message: fmt.Sprintf(format, args...)})
}

// Err returns nil when there were no problems, else an EInvalid error with them.
func (ps Problems) Err(message string) error {
	if len(ps) == 0 {
		return nil
	}
	return Invalid(message, ps)
}

// At sets file and row on every problem and returns them.
func (ps Problems) At(file string, row int) Problems {
	for i := range ps {
		ps[i].File, ps[i].Row = file, row
	}
	return ps
}
