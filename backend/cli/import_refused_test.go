package cli

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// edited is a fixture with one replacement, saved under name.
func edited(t *testing.T, fixtureName, name, old, new string) string {
	t.Helper()
	src, err := os.ReadFile(fixture(fixtureName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte(old)) {
		t.Fatalf("%s has no %q", fixtureName, old)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, bytes.Replace(src, []byte(old), []byte(new), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImportRefusesBadRows: every bad row is refused naming file, row and column, and the
// file changes nothing.
func TestImportRefusesBadRows(t *testing.T) {
	const stripe = "unified_payments.csv"
	const first = "ch_3PaA1,2025-04-02 08:15:09,49.00,0.00,eur,"
	cases := []struct {
		name, fixture, old, new, want string
	}{
		{"the same order twice, different", stripe, "ch_3PaA2,2025-05-02 08:15:11,49.00", "ch_3PaA1,2025-05-02 08:15:11,49.00",
			`payments.csv:3: column "id": order ch_3PaA1 stands in the file twice, with different values`},
		{"a negative total", stripe, first, "ch_3PaA1,2025-04-02 08:15:09,-49.00,0.00,eur,",
			`payments.csv:2: column "Amount": a negative amount`},
		{"a made-up currency", stripe, first, "ch_3PaA1,2025-04-02 08:15:09,49.00,0.00,qqq,",
			`payments.csv:2: column "Currency": "qqq" is not an ISO 4217 currency code`},
		{"no currency (XXX)", stripe, first, "ch_3PaA1,2025-04-02 08:15:09,49.00,0.00,XXX,",
			`payments.csv:2: column "Currency": "XXX" is not an ISO 4217 currency code`},
		{"a NUL byte", stripe, "Mara Schulz,Mara@Example.org", "Mara\x00Schulz,Mara@Example.org",
			`payments.csv:2: column "Customer Description": the cell holds a NUL byte`},
		{"not UTF-8", stripe, "Mara Schulz,Mara@Example.org", "Mara Sch\xfclz,Mara@Example.org",
			`payments.csv:2: column "Customer Description": the cell is not UTF-8 text`},
		{"a cell too long", stripe, "Mara Schulz,Mara@Example.org", strings.Repeat("M", 40000) + ",Mara@Example.org",
			`payments.csv:2: column "Customer Description": the cell holds 40000 bytes`},
		{"too many decimals", stripe, first, "ch_3PaA1,2025-04-02 08:15:09,49.001,0.00,eur,",
			`payments.csv:2: column "Amount": "49.001" has more decimals than EUR has (2)`},
		{"too large, not too many decimals", stripe, first, "ch_3PaA1,2025-04-02 08:15:09,123456789012345678901,0.00,eur,",
			`payments.csv:2: column "Amount": "123456789012345678901" is too large an amount`},
		{"a row without line breaks", stripe, "\n", strings.Repeat("x,", 600000),
			`payments.csv:1: the row is longer than 1048576 bytes`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := newPB(t)
			p.withProgram()
			file := edited(t, c.fixture, "payments.csv", c.old, c.new)
			code, _, errs := p.run("import", "orders", "--program", "1", file)
			if code != 1 || !strings.Contains(errs, c.want) {
				t.Fatalf("exit %d:\n%s\nwant %s", code, errs, c.want)
			}
			if strings.Contains(c.name, "not too many decimals") && strings.Contains(errs, "decimals") {
				t.Errorf("a decimals message for an amount that has none too many: %s", errs)
			}
			var list struct{ Orders []orderJSON }
			p.ok(&list, "orders", "--program", "1", "--json")
			if len(list.Orders) != 0 {
				t.Errorf("a refused file stored %d orders", len(list.Orders))
			}
		})
	}
}

// TestImportReadsLineEndsAndUTF16: the same export with CR-only line ends (old Mac tools) and
// saved as UTF-16 with its byte order mark (Excel's "Unicode text") imports the same orders.
func TestImportReadsLineEndsAndUTF16(t *testing.T) {
	src, err := os.ReadFile(fixture("orders_export_1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	cr := bytes.ReplaceAll(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r"))
	var u16 bytes.Buffer
	u16.Write([]byte{0xFF, 0xFE})
	for _, r := range utf16.Encode([]rune(string(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))))) {
		binary.Write(&u16, binary.LittleEndian, r)
	}
	for name, body := range map[string][]byte{"cr.csv": cr, "utf16.csv": u16.Bytes()} {
		t.Run(name, func(t *testing.T) {
			p := newPB(t)
			p.withProgram()
			path := filepath.Join(t.TempDir(), name)
			os.WriteFile(path, body, 0o600)
			var res struct {
				Format        string
				Rows, Created int
				Errors        []any
			}
			p.ok(&res, "import", "orders", "--program", "1", path, "--json", "--as-of", "2025-05-01")
			if res.Format != "shopify" || res.Rows != 8 || res.Created != 6 {
				t.Fatalf("%s = %+v", name, res)
			}
			var list struct{ Orders []orderJSON }
			p.ok(&list, "orders", "--program", "1", "--json")
			if list.Orders[0].Customer != "mara@example.org" || list.Orders[0].Total != "56.90" {
				t.Errorf("first order = %+v", list.Orders[0])
			}
		})
	}
}

// TestPaddleRefundInAnotherCurrency: a refund in another currency than its order is refused.
func TestPaddleRefundInAnotherCurrency(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	p.ok(nil, "import", "orders", "--program", "1", fixture("paddle-transactions.csv"))
	adj := edited(t, "paddle-adjustments.csv", "adjustments.csv", "approved,EUR,10.00", "approved,USD,10.00")
	code, _, errs := p.run("import", "orders", "--program", "1", adj)
	want := `adjustments.csv:2: column "currency_code": the refund is in USD, but order txn_01hv8xq1 was paid in EUR`
	if code != 1 || !strings.Contains(errs, want) {
		t.Fatalf("exit %d:\n%s\nwant %s", code, errs, want)
	}
	var list struct{ Orders []orderJSON }
	p.ok(&list, "orders", "--program", "1", "--json")
	for _, o := range list.Orders {
		if o.Refunded != "0.00" {
			t.Errorf("a refused refund changed %+v", o)
		}
	}
}
