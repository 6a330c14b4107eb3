// Package rubrics embeds the shipped rubrics so that `qa score --rubric standard` works from
// any folder; --rubrics DIR reads another folder instead.
package rubrics

import "embed"

// FS holds the rubric files, one per id (standard.yaml, chat-support.yaml, ...).
//
//go:embed *.yaml
var FS embed.FS
