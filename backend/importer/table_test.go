package importer

import (
	"strings"
	"testing"

	"partnerbook/backend/domain"
)

func TestTableQuirks(t *testing.T) {
	tests := []struct {
		name, src string
		rows      []int    // the row of each record, as a spreadsheet numbers them
		col       string   // a column to read
		values    []string // its value in each record
	}{
		{"bom and crlf", "\ufeffkey,email\r\nkira,k@example.org\r\nlena,l@example.org\r\n", []int{2, 3}, "key", []string{"kira", "lena"}},
		{"quoted newline is one row", "key,address\nkira,\"Line 1\nLine 2\"\nlena,x\n", []int{2, 3}, "address", []string{"Line 1\nLine 2", "x"}},
		{"semicolons", "key;email\nkira;k@example.org\n", []int{2}, "email", []string{"k@example.org"}},
		{"tabs", "key\temail\nkira\tk@example.org\n", []int{2}, "email", []string{"k@example.org"}},
		{"header case and order", "EMAIL,Key\nk@example.org,kira\n", []int{2}, "key", []string{"kira"}},
		{"blank lines skipped", "key\n\nkira\n\n", []int{2}, "key", []string{"kira"}},
		{"quoted comma", "key,name\nkira,\"Nowak, Kira\"\n", []int{2}, "name", []string{"Nowak, Kira"}},
		{"short row", "key,name,country\nkira\n", []int{2}, "country", []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := NewTable("f.csv", strings.NewReader(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var rows []int
			var vals []string
			for {
				ok, err := tb.Next()
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					break
				}
				rows, vals = append(rows, tb.Row()), append(vals, tb.Get(tt.col))
			}
			if len(rows) != len(tt.rows) || strings.Join(vals, "|") != strings.Join(tt.values, "|") {
				t.Fatalf("rows %v values %q; want %v %q", rows, vals, tt.rows, tt.values)
			}
			for i := range rows {
				if rows[i] != tt.rows[i] {
					t.Errorf("record %d starts on row %d, want %d", i, rows[i], tt.rows[i])
				}
			}
		})
	}
}

func TestTableErrors(t *testing.T) {
	_, err := NewTable("empty.csv", strings.NewReader(""))
	if e := domain.AsError(err); e.Code != domain.EInvalid || !strings.Contains(e.Error(), "empty.csv:1") {
		t.Errorf("empty file: %v", err)
	}
	tb, _ := NewTable("f.csv", strings.NewReader("name,mail\nx,y\n"))
	err = tb.Require("name", "email", "key")
	if e := domain.AsError(err); len(e.Problems) != 2 || !strings.Contains(e.Error(), `column "email": the header has no column "email" (it has: name, mail)`) {
		t.Errorf("missing columns: %v", err)
	}
	tb, _ = NewTable("q.csv", strings.NewReader("key,name\nkira,\"unclosed\nlena,x\n"))
	_, err = tb.Next()
	if err == nil || !strings.Contains(err.Error(), "q.csv:2") {
		t.Errorf("bad quote: %v", err)
	}
}

func TestReadPartners(t *testing.T) {
	src := "name,email,key,coupons,status,language\nKira,k@example.org,kira, A ; B ;,,\n"
	rows, err := ReadPartners("p.csv", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	p := rows[0].Patch
	if rows[0].Row != 2 || strings.Join(*p.Coupons, ",") != "A,B" || p.Status != nil || p.Language != nil || p.Parent != nil {
		t.Errorf("row = %+v", rows[0])
	}
	if _, err := ReadPartners("p.csv", strings.NewReader("name,key\nx,y\n")); err == nil || !strings.Contains(err.Error(), `"email"`) {
		t.Errorf("missing email column: %v", err)
	}
}

func FuzzTable(f *testing.F) {
	f.Add("key,email\nkira,k@example.org\n")
	f.Add("\ufeffa;b\n\"x\ny\";2\n")
	f.Fuzz(func(t *testing.T, src string) {
		tb, err := NewTable("f.csv", strings.NewReader(src))
		if err != nil {
			return
		}
		for i := 0; i < 10000; i++ {
			ok, err := tb.Next()
			if err != nil || !ok {
				return
			}
			if tb.Row() < 2 {
				t.Fatalf("a record on row %d", tb.Row())
			}
		}
	})
}
