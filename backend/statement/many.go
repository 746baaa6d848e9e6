package statement

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
)

// Many renders n statements on every core: get(i) gives the i-th, put(i, pdf) takes its PDF
// (put is called from one goroutine at a time, in any order). The first error stops it.
func Many(n int, get func(int) (Statement, error), put func(int, []byte) error) error {
	type done struct {
		i   int
		pdf []byte
		err error
	}
	jobs, out := make(chan int), make(chan done)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				s, err := get(i)
				var pdf []byte
				if err == nil {
					pdf, err = PDF(s)
				}
				out <- done{i, pdf, err}
			}
		}()
	}
	stop := make(chan struct{})
	go func() {
		defer close(jobs)
		for i := 0; i < n; i++ {
			select {
			case jobs <- i:
			case <-stop:
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()
	var first error
	for d := range out {
		if first != nil {
			continue
		}
		if d.err == nil {
			d.err = put(d.i, d.pdf)
		}
		if d.err != nil {
			first = d.err
			close(stop)
		}
	}
	return first
}

// PagePNG renders one page of a PDF as a PNG with poppler's pdftoppm, for a preview.
func PagePNG(pdf []byte, page, dpi int) ([]byte, error) {
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		return nil, fmt.Errorf("statement: a preview needs pdftoppm (poppler-utils)")
	}
	dir, err := os.MkdirTemp("", "pb-preview")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "s.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "-png", "-r", fmt.Sprint(dpi), "-f", fmt.Sprint(page), "-l", fmt.Sprint(page), "-singlefile", in, filepath.Join(dir, "p"))
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("statement: pdftoppm: %v: %s", err, stderr.String())
	}
	return os.ReadFile(filepath.Join(dir, "p.png"))
}
