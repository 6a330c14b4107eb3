package importer

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"testing"
)

// lineSource synthesises JSON Lines conversations until it has produced size bytes, so that a
// large input can be read without being held in memory or written to disk.
type lineSource struct {
	size    int64
	written int64
	n       int
	pending []byte
}

func (s *lineSource) Read(p []byte) (int, error) {
	if len(s.pending) == 0 {
		if s.written >= s.size {
			return 0, io.EOF
		}
		s.n++
		s.pending = fmt.Appendf(nil, `{"id":"gen-%d","channel":"chat","language":"ru","customer":{"name":"Иван"},`+
			`"turns":[{"speaker":"customer","text":"Где мой заказ %d? Обещали доставить вчера.","at":"2026-11-20T06:12:00Z"},`+
			`{"speaker":"agent","text":"Доброе утро, Иван! Заказ %d передан курьеру, он привезёт его сегодня до 18:00.","at":"2026-11-20T06:12:31Z"}]}`+"\n",
			s.n, s.n, s.n)
	}
	k := copy(p, s.pending)
	s.pending = s.pending[k:]
	s.written += int64(k)
	return k, nil
}

// TestReadJSONLBoundedMemory streams about 200 MB of JSON Lines and checks that the heap in
// use stays a small fraction of it.
func TestReadJSONLBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 200 MB")
	}
	const size = 200 << 20
	const limit = 32 << 20 // heap in use, well under the input's size
	src := &lineSource{size: size}
	runtime.GC()
	var ms runtime.MemStats
	var peak uint64
	records := 0
	err := Read(context.Background(), src, "gen.jsonl", Options{}, func(r Record) error {
		if r.Err != nil {
			return r.Err
		}
		records++
		if records%4000 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if records != src.n {
		t.Fatalf("read %d records, generated %d", records, src.n)
	}
	t.Logf("%d records, %d MB, peak heap in use %.1f MiB", records, src.written>>20, float64(peak)/(1<<20))
	if peak == 0 || peak > limit {
		t.Errorf("peak heap in use %d bytes, want at most %d for a %d-byte input", peak, limit, size)
	}
}

func BenchmarkReadJSONL(b *testing.B) {
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, &lineSource{size: 8 << 20}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		err := Read(context.Background(), bytes.NewReader(data), "bench.jsonl", Options{}, func(r Record) error {
			return r.Err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
