// Package checklists embeds the shipped checklists (phrase knowledge per language and limits)
// so that the qa binary works from any folder; --checklists DIR reads another folder instead.
package checklists

import "embed"

// FS holds settings.yaml and the per-language folders.
//
//go:embed settings.yaml */*.yaml
var FS embed.FS
