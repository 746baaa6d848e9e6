package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestGeneric(t *testing.T) {
	b, _ := os.ReadFile(filepath.Join("testdata", "kasse-mapping.json"))
	m, err := ParseMapping("kasse-mapping.json", b)
	if err != nil {
		t.Fatal(err)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	orders, skips, problems, format := readAll(t, "kasse.csv", "generic", Options{Mapping: m, Zone: berlin})
	if format != "generic" || len(problems) > 0 || len(orders) != 2 || len(skips) != 1 || skips[0].Row != 4 {
		t.Fatalf("format %s, %d orders, skips %v, problems %v", format, len(orders), skips, problems)
	}
	a := orders[0]
	if a.Source != "kasse" || a.ID != "A-100" || a.Time.Format(time.RFC3339) != "2025-03-14T08:12:00Z" || a.Total != 125000 ||
		a.Net != 105042 || a.CustomerEmail != "mara@example.org" || a.DiscountCodes[0] != "KIRA10" || a.Lines[0].Quantity != 2 ||
		a.Lines[0].UnitPrice != 52521 {
		t.Errorf("A-100 = %+v", *a)
	}
	if b := orders[1]; b.RefKey != "lena" || b.Refunded != 1000 || b.RefundedAt == nil {
		t.Errorf("A-101 = %+v", *b)
	}
}

func TestMappingErrors(t *testing.T) {
	_, err := ParseMapping("m.json", []byte(`{"columns": {"order_id": "Id", "colour": "C"}}`))
	for _, want := range []string{`column "columns.colour"`, `column "columns.time": must name a column`, `column "currency"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err lacks %q: %v", want, err)
		}
	}
	_, _, err = OpenOrders("x.csv", strings.NewReader("Id,When\n"), "generic", Options{})
	if err == nil || !strings.Contains(err.Error(), "--mapping") {
		t.Errorf("generic without mapping: %v", err)
	}
	m := &Mapping{Columns: map[string]string{"order_id": "Id", "time": "When", "amount": "Sum"}, Currency: "EUR"}
	_, _, err = OpenOrders("x.csv", strings.NewReader("Id,When\n"), "generic", Options{Mapping: m})
	if err == nil || !strings.Contains(err.Error(), `no column "Sum"`) {
		t.Errorf("a mapped column the file lacks: %v", err)
	}
}
