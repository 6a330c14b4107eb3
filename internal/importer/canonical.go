package importer

import "github.com/qa-scorer/qa-scorer/internal/transcript"

// The canonical format needs no wire type or adapter: transcript.Decode reads it strictly,
// naming unknown fields, wrong types and malformed times.

// readJSONL reads one canonical conversation per line, in constant memory.
func readJSONL(in *input) error {
	return eachJSON(in, jsonLines, in.canonical)
}

// readJSON reads canonical conversations from a JSON array, or from one or more objects
// written one after the other, streaming one conversation at a time.
func readJSON(in *input) error {
	return eachJSON(in, jsonDocument, in.canonical)
}

func (in *input) canonical(data []byte, where string) error {
	conv, err := transcript.Decode(data, where)
	if err != nil {
		return in.reject(where, err)
	}
	return in.accept(conv, where)
}
