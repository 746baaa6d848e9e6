package statement

import (
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
