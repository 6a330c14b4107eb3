package check

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Args are the named values a reason quotes: words of the conversation (without the quote
// marks the template puts around them), zone names, durations, counts and turn indexes. Values
// are strings or ints, so that an interface can put them into a reason in another language.
type Args map[string]any

// explanation is one kind of reason a check gives: a stable code (spec/checks.md id, a dot and
// what happened: "greeting.pass", "response_time.fail_unanswered"), the outcome it goes with,
// and the English template of the reason, whose placeholders are written {name}. The code and
// the arguments travel with the scorecard item (reason_code, reason_args) so that the web app
// can show the reason in the reviewer's language; the English Reason is rendered from the same
// template, so the two cannot drift. Each check keeps its explanations next to it and lists
// them in its table (greetingReasons in greeting.go); reasonTables lists the tables.
type explanation struct {
	code    string
	outcome Outcome
	english string
}

// result is the check result this explanation gives, with args filling the template.
func (e explanation) result(args Args, evidence ...Evidence) Result {
	return Result{Outcome: e.outcome, Reason: RenderReason(e.english, args), Code: e.code, Args: args, Evidence: evidence}
}

// Explanations shared by the checks: a conversation in a language without a checklist, and a
// conversation where no agent replied.
var (
	reasonNoChecklist  = explanation{"no_checklist", Review, `no checklist for language "{language}": a reviewer must decide`}
	reasonNoAgentReply = explanation{"no_agent_reply", NA, "no agent reply"}
)

var sharedReasons = []explanation{reasonNoChecklist, reasonNoAgentReply}

// reasonTables lists the explanations of every check. A code is in exactly one table (a test
// checks it), and `go test ./internal/check -run ReasonCodes -update` exports the codes and
// their English templates for the web app's translations.
var reasonTables = [][]explanation{
	sharedReasons,
	apologyReasons,
	badNewsReasons,
	clarifyingReasons,
	closingReasons,
	completeAnswerReasons,
	empathyReasons,
	expectationsReasons,
	forbiddenReasons,
	greetingReasons,
	greetingTimeReasons(),
	holdReasons,
	personalizationReasons,
	respondedReasons,
	responseTimeReasons,
	scriptReasons,
	transferReasons,
}

// ReasonTemplates returns every reason code with its English template.
func ReasonTemplates() map[string]string {
	out := map[string]string{}
	for _, table := range reasonTables {
		for _, e := range table {
			out[e.code] = e.english
		}
	}
	return out
}

// ReasonCodes lists every reason code in sorted order.
func ReasonCodes() []string {
	var codes []string
	for _, table := range reasonTables {
		for _, e := range table {
			codes = append(codes, e.code)
		}
	}
	sort.Strings(codes)
	return codes
}

// RenderReason fills the placeholders {name} of a template with args: a string as it is, a
// number in decimal. A placeholder without a value stays as written. Values are not read for
// placeholders again.
func RenderReason(template string, args Args) string {
	var b strings.Builder
	b.Grow(len(template) + 32)
	rest := eachPlaceholder(template, func(text, name, placeholder string) {
		b.WriteString(text)
		switch v := args[name].(type) {
		case string:
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		case float64: // a number read back from JSON
			b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
		default:
			b.WriteString(placeholder)
		}
	})
	b.WriteString(rest)
	return b.String()
}

// ReasonPlaceholders lists the placeholder names of a template, sorted, each once.
func ReasonPlaceholders(template string) []string {
	var out []string
	eachPlaceholder(template, func(_, name, _ string) {
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	})
	sort.Strings(out)
	return out
}

// eachPlaceholder calls visit for each placeholder {name} of a template in order, with the
// text before it, its name and the placeholder as written, and returns the text after the last.
func eachPlaceholder(template string, visit func(text, name, placeholder string)) string {
	for {
		open := strings.IndexByte(template, '{')
		if open < 0 {
			return template
		}
		end := strings.IndexByte(template[open:], '}')
		if end < 0 {
			return template
		}
		end += open
		visit(template[:open], template[open+1:end], template[open:end+1])
		template = template[end+1:]
	}
}

// MatchReason tells why reason is not what code and args give (nil when it is): the code must
// be known, args must hold exactly the placeholders of its template, each a string or an int,
// and the template filled with them must be reason.
func MatchReason(reason, code string, args Args) error {
	template, ok := ReasonTemplates()[code]
	if !ok {
		return fmt.Errorf("reason %q: unknown code %q", reason, code)
	}
	keys := make([]string, 0, len(args))
	for k, v := range args {
		keys = append(keys, k)
		switch v.(type) {
		case string, int:
		default:
			return fmt.Errorf("reason %q: code %s: arg %s is a %T, not a string or an int", reason, code, k, v)
		}
	}
	sort.Strings(keys)
	if want := ReasonPlaceholders(template); !slices.Equal(keys, want) {
		return fmt.Errorf("reason %q: code %s: args %v, template %q wants %v", reason, code, keys, template, want)
	}
	if got := RenderReason(template, args); got != reason {
		return fmt.Errorf("code %s with %v renders %q, the reason is %q", code, args, got, reason)
	}
	return nil
}

// clip is a quoted text as reasons show it: at most 80 runes, cut with "…" (see quote).
func clip(s string) string {
	const max = 80
	r := []rune(s)
	if len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}

// quoteList quotes each text and joins them with sep: the list of questions, phrases or
// promises a reason names.
func quoteList(evidence []Evidence, sep string) string {
	quotes := make([]string, len(evidence))
	for i, ev := range evidence {
		quotes[i] = quote(ev.Text)
	}
	return strings.Join(quotes, sep)
}
