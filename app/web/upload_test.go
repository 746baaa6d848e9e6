package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A browser uploads an order file, previews it and imports it; the history lists the batch
// and undo takes it back.
func TestUploadPreviewImportUndo(t *testing.T) {
	s, ts := server(t)
	t.Cleanup(s.files.clean)
	tok := s.Token()
	if r := post(t, ts, tok, "Programs.CreateSample", "[]"); r["error"] != nil {
		t.Fatal(string(r["error"]))
	}
	body, err := os.ReadFile(filepath.Join("..", "..", "backend", "importer", "testdata", "orders_export_1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	up := func(token, name string) (int, string) {
		req, _ := http.NewRequest("POST", ts.URL+"/__pb/upload?name="+name, strings.NewReader(string(body)))
		req.Header.Set("X-Partnerbook-Token", token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out struct{ Path string }
		json.NewDecoder(res.Body).Decode(&out)
		return res.StatusCode, out.Path
	}
	if code, _ := up("wrong", "x.csv"); code != http.StatusUnauthorized {
		t.Errorf("upload without the token: %d", code)
	}
	code, path := up(tok, "..%2F..%2Forders_export_1.csv")
	if code != 200 || filepath.Base(path) != "orders_export_1.csv" || !strings.HasPrefix(path, s.files.dir) {
		t.Fatalf("upload: %d %q", code, path)
	}
	if b, _ := os.ReadFile(path); string(b) != string(body) {
		t.Error("the uploaded file differs from what was sent")
	}
	req := fmt.Sprintf(`[{"program_id": 1, "path": %q, "format": "auto"}]`, path)
	r := post(t, ts, tok, "Importer.Preview", req)
	var p struct {
		Format string
		Items  []struct{ ID, Total string }
	}
	json.Unmarshal(r["result"], &p)
	if p.Format != "shopify" || len(p.Items) == 0 || p.Items[0].ID != "#1001" {
		t.Fatalf("preview: %s %s", r["result"], r["error"])
	}
	r = post(t, ts, tok, "Importer.Start", req)
	var res struct {
		Batch   int64
		Created int
	}
	json.Unmarshal(r["result"], &res)
	if res.Created != 6 || res.Batch == 0 {
		t.Fatalf("import: %s %s", r["result"], r["error"])
	}
	r = post(t, ts, tok, "Orders.List", `[{"program_id": 1, "search": "#1003"}]`)
	if !strings.Contains(string(r["result"]), `"partially_refunded"`) {
		t.Errorf("orders: %s %s", r["result"], r["error"])
	}
	r = post(t, ts, tok, "Orders.Undo", fmt.Sprintf("[%d]", res.Batch))
	if !strings.Contains(string(r["result"]), `"orders_removed":6`) {
		t.Errorf("undo: %s %s", r["result"], r["error"])
	}
	s.files.clean()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("uploads outlive the server")
	}
}
