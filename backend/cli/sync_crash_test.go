package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestKillServeUnderLoad kills `partnerbook serve` with SIGKILL while 20 clients push sales,
// restarts it, and checks that every sale answered 200 before the kill is stored once and
// became one order (the ones committed but not applied are applied at the start), that the
// same sales sent again are answered 200 and double nothing.
func TestKillServeUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	p := newPB(t)
	p.ok(nil, "program", "create", "--file", testdata("program-sync.json"))
	var sk struct{ Key string }
	p.ok(&sk, "keys", "create", "--program", "1", "--kind", "secret", "--json")
	args, _ := json.Marshal([]string{"serve", "--addr", "127.0.0.1:0"})
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), "PB_CRASH_ARGS="+string(args), "PARTNERBOOK_DATA="+p.data)
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("serve printed no URL: %v", err)
	}
	url := strings.TrimSpace(line)

	sale := func(id string) string {
		return `{"order_id":"` + id + `","customer":{"email":"` + id + `@example.com"},"amount":"20.00","currency":"EUR"}`
	}
	var mu sync.Mutex
	var answered []string
	stop := make(chan struct{})
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 10 * time.Second}
	for c := 0; c < 20; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				id := fmt.Sprintf("K%d-%d", c, i)
				req, _ := http.NewRequest("POST", url+"/v1/track/sale", strings.NewReader(sale(id)))
				req.Header.Set("Authorization", "Bearer "+sk.Key)
				resp, err := client.Do(req)
				if err != nil {
					return // the server is gone
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == 200 {
					mu.Lock()
					answered = append(answered, id)
					mu.Unlock()
				}
			}
		}(c)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		mu.Lock()
		n := len(answered)
		mu.Unlock()
		if n >= 300 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	close(stop)
	wg.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("serve was not killed: %v", cmd.ProcessState)
	}
	if len(answered) < 50 {
		t.Fatalf("only %d sales were answered before the kill", len(answered))
	}

	left := query(t, p.data, `SELECT count(*) FROM events WHERE applied_at IS NULL`)
	s := p.serve(t) // applies what the kill left committed but not applied
	got := query(t, p.data, `SELECT count(*), count(DISTINCT event_id), sum(applied_at IS NULL) FROM events`)
	orders := query(t, p.data, `SELECT count(*), count(DISTINCT order_key) FROM orders WHERE source = 'api'`)
	var events, distinct, unapplied, nOrders, distinctOrders int
	fmt.Sscan(got, &events, &distinct, &unapplied)
	fmt.Sscan(orders, &nOrders, &distinctOrders)
	if events != distinct || unapplied != 0 || nOrders != events || distinctOrders != nOrders || events < len(answered) {
		t.Fatalf("after the restart: events %s, orders %s; %d were answered", got, orders, len(answered))
	}
	for _, id := range answered {
		if n := query(t, p.data, `SELECT count(*) FROM orders WHERE source = 'api' AND order_key = '`+id+`'`); n != "1" {
			t.Fatalf("sale %s was answered 200 and is stored %s times", id, n)
		}
	}
	for _, id := range answered[:50] {
		if code, body := post(t, s.url+"/v1/track/sale", sale(id), "Authorization", "Bearer "+sk.Key); code != 200 {
			t.Fatalf("%s again: %d %s", id, code, body)
		}
	}
	if n := query(t, p.data, `SELECT count(*) FROM events`); n != fmt.Sprint(events) {
		t.Errorf("sending answered sales again stored more: %s events, was %d", n, events)
	}
	t.Logf("%d sales answered before the kill, %d stored, %s of them applied only at the restart", len(answered), events, left)
}
