package importer

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText returns the text a reader sees in an HTML fragment (an Intercom body, a Zendesk
// html_body): entities decoded, tags dropped, <br> and block elements as line breaks, runs of
// white space collapsed as a browser would, and no script or style content.
func htmlText(fragment string) string {
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	skip := 0 // inside <script> or <style>
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return tidyLines(b.String())
		case html.TextToken:
			if skip == 0 {
				// Line breaks in HTML source are spaces; only tags break lines.
				b.WriteString(strings.NewReplacer("\r", " ", "\n", " ").Replace(string(z.Text())))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case (a == atom.Script || a == atom.Style) && tt != html.SelfClosingTagToken:
				if tt == html.EndTagToken {
					skip = max(skip-1, 0)
				} else {
					skip++
				}
			case a == atom.Br || isBlock(a):
				b.WriteByte('\n')
			}
		}
	}
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Tr, atom.Table, atom.Blockquote, atom.Pre,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Hr:
		return true
	}
	return false
}

// tidyLines collapses white space within each line and drops empty lines.
func tidyLines(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
