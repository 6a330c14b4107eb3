package importer

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// sniffBytes is how much of the input Detect sees, and the size of the read buffer.
const sniffBytes = 64 << 10

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeInput returns a buffered reader of the input as UTF-8: a UTF-8 byte order mark is
// dropped, UTF-16 with a byte order mark is converted, and otherwise the named encoding (if
// any) is decoded. Without an encoding the bytes pass through unchanged, so that invalid UTF-8
// is reported per record instead of being silently replaced.
func decodeInput(r io.Reader, name string) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, sniffBytes)
	bom, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(bom, bomUTF8):
		if _, err := br.Discard(len(bomUTF8)); err != nil {
			return nil, err
		}
		return br, nil
	case bytes.HasPrefix(bom, bomUTF16LE), bytes.HasPrefix(bom, bomUTF16BE):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), sniffBytes), nil
	case name == "":
		return br, nil
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		return nil, fmt.Errorf("%w %q; a WHATWG name such as windows-1251 or iso-8859-2", ErrUnknownEncoding, name)
	}
	if enc == unicode.UTF8 || enc == encoding.Nop {
		return br, nil
	}
	return bufio.NewReaderSize(transform.NewReader(br, enc.NewDecoder()), sniffBytes), nil
}

// encodingHint ends every invalid UTF-8 message.
const encodingHint = "convert the input to UTF-8 or pass --encoding (e.g. windows-1251)"

// checkUTF8 reports the first byte of data that is not UTF-8 as a FieldError on record and
// field. In a text of several lines it names the line and column (in bytes, from 1); in a
// single line, the byte offset.
func checkUTF8(data []byte, record, field string) error {
	if utf8.Valid(data) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			where := fmt.Sprintf("at byte %d", i)
			if bytes.IndexByte(data, '\n') >= 0 {
				where = fmt.Sprintf("at line %d, column %d", line, col)
			}
			return &transcript.FieldError{Record: record, Field: field, Err: transcript.ErrNotUTF8,
				Detail: fmt.Sprintf("invalid byte 0x%02x %s; %s", data[i], where, encodingHint)}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += size
		}
		i += size
	}
	return nil
}

// isBlank reports whether b holds only white space.
func isBlank(b []byte) bool {
	return len(bytes.TrimSpace(b)) == 0
}
