package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"partnerbook/backend/sqlite"
)

func fixture(name string) string { return filepath.Join("..", "importer", "testdata", name) }

type orderJSON struct {
	Source, ID, Time, Customer, Currency, Total, Base, Refunded, Status, Partner, Reason string
}

func TestImportOrdersCommand(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	var res struct {
		Batch                                              int64
		Format                                             string
		Rows, Orders, Created, Updated, Unchanged, Skipped int
		DryRun                                             bool `json:"dry_run"`
		Errors                                             []json.RawMessage
	}
	p.ok(&res, "import", "orders", "--program", "1", "--dry-run", fixture("orders_export_1.csv"), "--json")
	if !res.DryRun || res.Created != 6 || res.Batch != 0 {
		t.Fatalf("dry run = %+v", res)
	}
	var list struct{ Orders []orderJSON }
	p.ok(&list, "orders", "--program", "1", "--json")
	if len(list.Orders) != 0 {
		t.Fatalf("a dry run stored %d orders", len(list.Orders))
	}
	p.ok(&res, "import", "orders", "--program", "1", fixture("orders_export_1.csv"), "--json", "--as-of", "2025-05-01")
	if res.Format != "shopify" || res.Rows != 8 || res.Orders != 6 || res.Created != 6 || res.Skipped != 1 || res.Batch == 0 {
		t.Fatalf("import = %+v", res)
	}
	p.ok(&res, "import", "orders", "--program", "1", fixture("orders_export_1.csv"), "--json")
	if res.Unchanged != 6 || res.Created+res.Updated != 0 {
		t.Fatalf("the same file again = %+v", res)
	}
	if out := p.ok(nil, "import", "orders", "--program", "1", fixture("orders_export_1.csv")); !strings.HasPrefix(out,
		"orders_export_1.csv (shopify): 8 rows, 6 orders imported: 0 created, 0 updated, 6 unchanged") {
		t.Errorf("the human result = %q", out)
	}
	p.ok(&list, "orders", "--program", "1", "--json")
	if len(list.Orders) != 6 {
		t.Fatalf("orders = %d", len(list.Orders))
	}
	want := orderJSON{Source: "shopify", ID: "#1001", Time: "2025-03-14T08:12:45Z", Customer: "mara@example.org", Currency: "EUR",
		Total: "56.90", Base: "43.70", Refunded: "0.00", Status: "paid"}
	if list.Orders[0] != want {
		t.Errorf("first order = %+v\nwant %+v", list.Orders[0], want)
	}
	statuses := map[string]string{}
	for _, o := range list.Orders {
		statuses[o.ID] = o.Status + " " + o.Refunded + " " + o.Currency
	}
	if statuses["#1003"] != "partially_refunded 10.00 EUR" || statuses["#1004"] != "refunded 20.00 EUR" ||
		statuses["#1006"] != "cancelled 15.00 EUR" || statuses["#1007"] != "paid 0 CLP" {
		t.Errorf("statuses = %v", statuses)
	}
}

func TestImportOrdersRefused(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	src, _ := os.ReadFile(fixture("orders_export_1.csv"))
	bad := filepath.Join(t.TempDir(), "orders.csv")
	os.WriteFile(bad, []byte(strings.Replace(string(src), ",56.90,KIRA10,", ",\"12,3.0\",KIRA10,", 1)), 0o600)
	code, _, errs := p.run("import", "orders", "--program", "1", bad)
	if code != 1 || !strings.Contains(errs, `orders.csv:2: column "Total": "12,3.0" is not an amount`) {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var list struct{ Orders []orderJSON }
	p.ok(&list, "orders", "--program", "1", "--json")
	if len(list.Orders) != 0 {
		t.Fatalf("a refused file stored %d orders", len(list.Orders))
	}
	var res struct {
		Created int
		Errors  []struct {
			Row    int
			Column string
		}
	}
	p.ok(&res, "import", "orders", "--program", "1", "--skip-invalid", bad, "--json")
	if res.Created != 5 || len(res.Errors) != 1 || res.Errors[0].Row != 2 || res.Errors[0].Column != "Total" {
		t.Errorf("--skip-invalid = %+v", res)
	}
	unknown := filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(unknown, []byte("Order,When,Sum\n1,2,3\n"), 0o600)
	if code, _, errs := p.run("import", "orders", "--program", "1", unknown); code != 1 || !strings.Contains(errs, "Order,When,Sum") {
		t.Errorf("unknown header: exit %d %s", code, errs)
	}
}

func TestImportGenericWithMapping(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	var res struct {
		Format           string
		Created, Skipped int
	}
	p.ok(&res, "import", "orders", "--program", "1", "--mapping", fixture("kasse-mapping.json"), fixture("kasse.csv"), "--json")
	if res.Format != "generic" || res.Created != 2 || res.Skipped != 1 {
		t.Errorf("generic = %+v", res)
	}
}

func TestImportUndoCommand(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	var res struct{ Batch int64 }
	p.ok(&res, "import", "orders", "--program", "1", fixture("orders_export_1.csv"), "--json")
	var hist struct {
		Imports []struct {
			ID       int64
			File     string
			Hash     string
			Created  int
			Undoable bool
			UndoneAt string `json:"undone_at"`
		}
	}
	p.ok(&hist, "imports", "--program", "1", "--json")
	if len(hist.Imports) != 1 || hist.Imports[0].ID != res.Batch || hist.Imports[0].File != "orders_export_1.csv" ||
		hist.Imports[0].Created != 6 || !hist.Imports[0].Undoable || hist.Imports[0].Hash != fileHash(t, fixture("orders_export_1.csv")) {
		t.Fatalf("imports = %+v", hist)
	}
	var undo struct {
		Batch         int64
		OrdersRemoved int `json:"orders_removed"`
	}
	p.ok(&undo, "import", "undo", strconv.FormatInt(res.Batch, 10), "--json")
	if undo.OrdersRemoved != 6 {
		t.Errorf("undo = %+v", undo)
	}
	var list struct{ Orders []orderJSON }
	p.ok(&list, "orders", "--program", "1", "--json")
	if len(list.Orders) != 0 {
		t.Errorf("%d orders left after undo", len(list.Orders))
	}
	if code, _, errs := p.run("import", "undo", strconv.FormatInt(res.Batch, 10)); code != 1 || !strings.Contains(errs, "already undone") {
		t.Errorf("undo twice: exit %d %s", code, errs)
	}
	if code, _, _ := p.run("import", "undo", "x"); code != 2 {
		t.Errorf("undo x: exit %d", code)
	}
}

func fileHash(t *testing.T, name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func TestImportWithSavedMapping(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	st, err := sqlite.Open(context.Background(), filepath.Join(p.data, "partnerbook.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(fixture("kasse-mapping.json"))
	if err := st.SaveMapping(context.Background(), "Kasse", string(b)); err != nil {
		t.Fatal(err)
	}
	st.Close()
	var res struct{ Created int }
	p.ok(&res, "import", "orders", "--program", "1", "--mapping", "Kasse", fixture("kasse.csv"), "--json")
	if res.Created != 2 {
		t.Errorf("import with the saved mapping = %+v", res)
	}
	if code, _, errs := p.run("import", "orders", "--program", "1", "--mapping", "Nope", fixture("kasse.csv")); code != 1 ||
		!strings.Contains(errs, "no saved mapping") {
		t.Errorf("unknown mapping: exit %d %s", code, errs)
	}
}

// Paddle's refunds come in the adjustments report, applied to the transactions imported before.
func TestPaddleRefundsFromAdjustments(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	p.ok(nil, "import", "orders", "--program", "1", fixture("paddle-transactions.csv"))
	var res struct {
		Format  string
		Refunds int
		Skipped int
	}
	p.ok(&res, "import", "orders", "--program", "1", fixture("paddle-adjustments.csv"), "--json")
	if res.Format != "paddle-adjustments" || res.Refunds != 1 || res.Skipped != 2 {
		t.Fatalf("adjustments = %+v", res)
	}
	var list struct{ Orders []orderJSON }
	p.ok(&list, "orders", "--program", "1", "--json")
	for _, o := range list.Orders {
		if o.ID == "txn_01hv8xq1" && (o.Refunded != "11.90" || o.Status != "partially_refunded") {
			t.Errorf("refunded order = %+v", o)
		}
	}
}
