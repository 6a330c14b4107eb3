package importer

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// lineReader reads an input line by line in constant memory: a line longer than max bytes is
// skipped as it streams past, never held whole, and reported as too long.
type lineReader struct {
	r   *bufio.Reader
	max int
	n   int    // number of the line last returned, from 1
	buf []byte // holds a line that spans several reads of r's buffer
}

// next returns the next line without its line ending, valid until the following call. tooLong
// reports a line over the limit, of which nothing is returned. It returns io.EOF at the end.
func (lr *lineReader) next() (line []byte, tooLong bool, err error) {
	lr.buf = lr.buf[:0]
	for {
		chunk, err := lr.r.ReadSlice('\n')
		switch {
		case err == nil && len(lr.buf) == 0 && !tooLong:
			// The whole line sat in the read buffer: return it without copying.
			lr.n++
			return lr.finish(trimEOL(chunk))
		case errors.Is(err, io.EOF) && len(chunk) == 0 && len(lr.buf) == 0 && !tooLong:
			return nil, false, io.EOF
		case err != nil && !errors.Is(err, bufio.ErrBufferFull) && !errors.Is(err, io.EOF):
			return nil, false, err
		}
		if !tooLong {
			if len(lr.buf)+len(chunk) > lr.max+len("\r\n") {
				tooLong, lr.buf = true, lr.buf[:0]
			} else {
				lr.buf = lr.grow(len(chunk))
				lr.buf = append(lr.buf, chunk...)
			}
		}
		if err == nil || errors.Is(err, io.EOF) {
			lr.n++
			if tooLong {
				return nil, true, nil
			}
			return lr.finish(trimEOL(lr.buf))
		}
	}
}

// grow makes room for n more bytes, doubling the buffer but never past the longest line
// allowed, so that reading up to the limit allocates about twice the limit in all (append's
// gentler growth for large slices would allocate several times more).
func (lr *lineReader) grow(n int) []byte {
	need := len(lr.buf) + n
	if need <= cap(lr.buf) {
		return lr.buf
	}
	size := min(max(2*cap(lr.buf), need), lr.max+len("\r\n"))
	grown := make([]byte, len(lr.buf), max(size, need))
	copy(grown, lr.buf)
	return grown
}

func (lr *lineReader) finish(line []byte) ([]byte, bool, error) {
	if len(line) > lr.max {
		return nil, true, nil
	}
	return line, false, nil
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}
