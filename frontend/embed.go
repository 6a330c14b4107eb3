// Package frontend holds the built single-page web app (dist/, produced by the TypeScript
// build) inside the binary. go:embed cannot reach a parent folder, so the embed lives here and
// internal/web serves it. dist/.gitkeep is tracked so that the embed compiles on a fresh clone
// without Node; internal/web then serves a "frontend not built" page.
package frontend

import "embed"

// Dist is the dist/ folder: index.html and its assets when the frontend was built.
//
//go:embed all:dist
var Dist embed.FS
