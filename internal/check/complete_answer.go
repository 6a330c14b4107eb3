package check

import (
	"github.com/qa-scorer/qa-scorer/internal/textproc"
)

// Phrase sets of complete_answer (checklists/<lang>/complete_answer.yaml).
const (
	// SetCAStopwords are the words that carry no topic: function words, pronouns, question
	// words, politeness and all-purpose verbs. The rest of a question is its content; transfer
	// reads the same list to compare customer messages.
	SetCAStopwords = "complete_answer.stopwords"
	// SetCAAnswer are reply openers that answer a yes/no question or refuse: "yes", "of course",
	// "unfortunately", "да", "так", "din păcate".
	SetCAAnswer = "complete_answer.answer"
	// SetCAOpen are the open question forms that ask for a value (a time, a price, a number):
	// a reply carrying a number, link or e-mail address answers them.
	SetCAOpen = "complete_answer.open"
	// SetCAWhy are the question forms that ask for a reason ("why", "почему", "чому", "de ce");
	// a reply giving one (SetCABecause) answers them.
	SetCAWhy = "complete_answer.why"
	// SetCABecause are the words that give a reason: "because", "due to", "из-за", "бо",
	// "pentru că".
	SetCABecause = "complete_answer.because"
	// SetCASkip are questions that need no answer: pleasantries and rhetorical tags
	// ("how are you?", "are you there?", "правда?").
	SetCASkip = "complete_answer.skip"
	// SetCARequest are requests for information worded as statements ("I need their phone
	// number", "please send me the tracking link", "мне нужен адрес"): such a sentence is a
	// question to answer even without a question mark.
	SetCARequest = "complete_answer.request"
	// SetCASplit are the conjunctions that may join two questions in one sentence ("and", "и",
	// "і", "și"); SetCAAsk are the words a question starts with ("does", "how", "есть ли",
	// "чи", "cât"). "How much is it and does it include VAT?" asks twice: a conjunction followed
	// by a question start splits it.
	SetCASplit = "complete_answer.split"
	SetCAAsk   = "complete_answer.ask"
	// SetCAIndirect are indirect questions worded as statements ("I'd like to know if…",
	// "хочу узнать, может ли…", "aș vrea să știu dacă…"): a sentence led by one is a question
	// like any other, which a message's other answers do not cover.
	SetCAIndirect = "complete_answer.indirect"
	// SetCAHollow are stock phrases that answer nothing ("your opinion is very important to us",
	// "спасибо за понимание", "părerea dumneavoastră contează"): a sentence holding one, or an
	// apology (apology.apology), and no refusal (bad_news.bad) or value is no answer.
	SetCAHollow = "complete_answer.hollow"
)

var completeAnswerSets = []string{SetCAStopwords, SetCAAnswer, SetCAOpen, SetCAWhy, SetCABecause, SetCASkip, SetCARequest, SetCASplit, SetCAAsk, SetCAIndirect, SetCAHollow}

// Reasons of complete_answer.
var (
	caNoQuestion = explanation{"complete_answer.na_no_question", NA, "the customer asked no question"}
	caFail       = explanation{"complete_answer.fail", Fail, "{missing} of {asked} customer questions got no answer: {questions}"}
	caPass       = explanation{"complete_answer.pass", Pass, "all {asked} customer questions were answered"}
)

var completeAnswerReasons = []explanation{caNoQuestion, caFail, caPass}

// caWindow is how many agent (or bot) replies after a question may still answer it by sharing
// its content words: the answer often comes after a clarification or a hold, not in the very
// next reply.
const caWindow = 6

// caLeadWords is how many words may stand before a request that leads a sentence ("Yes,
// please send me ...", "Ok great, can I also get ..."; not "That is all I need").
const caLeadWords = 2

// CompleteAnswer passes when every customer question is addressed by a later reply
// (spec/checks.md §complete_answer; the rules in full: docs/checks.md §complete_answer).
//
// Questions are the sentences textproc marks as questions, split where a second question starts
// inside one sentence (complete_answer.split), sentences led by an indirect question
// (complete_answer.indirect: "I'd like to know if…") and by a request worded as a statement
// (complete_answer.request); pleasantries (complete_answer.skip) are none.
//
// A question is aligned with an answer when one of the next caWindow agent or bot replies
// shares a content word with it (complete_answer.stopwords dropped), gives a reason for a "why"
// question (complete_answer.why / .because), or, in the very next reply, a number or link for a
// question asking a value (complete_answer.open). A question that is the only one of its
// message, a request, a question with no content word, or any question of a message none of
// whose questions aligned, is answered by the next reply as a whole when that reply opens with
// an answer form ("yes", "unfortunately", "да", "din păcate"), asks back, or engages with the
// message (shares a word with it, gives a value, or states something that is not an offer,
// goodbye, greeting or request to wait). When some questions of a message aligned, each other
// one needs a statement of the next reply that answered none of them and comes after the
// answers to the questions asked before it (replies answer in the order asked): "Can I keep my
// modem? Is there a fee?" answered only "Yes, you can keep your modem." fails on the fee.
// Words of greetings, goodbyes and offers, sentences that only apologise or recite a stock
// phrase ("We apologize for the inconvenience. Your satisfaction is very important to us.")
// and an e-mail's signature answer nothing.
//
// Bot replies count: the customer got the answer. A fail lists every unanswered question as
// evidence; a pass quotes the answering words. It is na when the customer asked nothing.
func CompleteAnswer(in *Input) Result {
	if in.Set(SetCAStopwords) == nil {
		return in.NoLexicon()
	}
	cw := newCAState(in)
	var asked int
	var answered, missing []Evidence
	for _, ci := range customerTurns(in.Conv) {
		qs := in.caQuestions(ci)
		asked += len(qs)
		// Made here rather than returned by caAnswers, so that it may stay on the stack.
		evs := make([]*Evidence, len(qs))
		in.caAnswers(cw, ci, qs, evs)
		for k, ev := range evs {
			if ev != nil {
				answered = append(answered, *ev)
				continue
			}
			missing = append(missing, spanEvidence(ci, in.Turn(ci), qs[k].start, qs[k].end))
		}
	}
	switch {
	case asked == 0:
		return caNoQuestion.result(nil)
	case len(missing) > 0:
		return caFail.result(Args{"missing": len(missing), "asked": asked, "questions": quoteList(missing, ", ")}, missing...)
	}
	return caPass.result(Args{"asked": asked}, answered...)
}

// caAnswers sets evs[k] to the answer to question qs[k] of customer turn ci, leaving it nil
// when there is none. A question aligned with an answer of its own keeps it; the others are
// answered by the next reply as a whole, or, once another question of the message got its
// answer, only by a statement of the next reply that answered none of the others.
func (in *Input) caAnswers(cw *caState, ci int, qs []caQuestion, evs []*Evidence) {
	real, aligned := 0, 0
	for k, q := range qs {
		if !q.request {
			real++
		}
		if ev, ok := in.caAligned(cw, ci, q); ok {
			evs[k] = &ev
			aligned++
		}
	}
	used := caUsedSentences(in, evs)
	var context []contentWord // read once, for the first question that needs it
	for k, q := range qs {
		switch {
		case evs[k] != nil:
		case q.request || real == 1 || aligned == 0 || len(cw.words(ci, q.first, q.last)) == 0:
			if ev, ok := in.caWhole(cw, ci, q); ok {
				evs[k] = &ev
			}
		default:
			if context == nil {
				context = caContextWords(cw, ci, qs)
			}
			if ev, ok := in.caStatement(cw, ci, used, context); ok {
				evs[k] = &ev
				used[ev] = true
			}
		}
	}
}

// caQuestion is one question of a customer message: tokens [first, last) and their rune span.
// request says it is a request worded as a statement ("I need their phone number").
type caQuestion struct {
	first, last int
	start, end  int
	request     bool
}

// caQuestions returns the questions of customer turn ci in order.
func (in *Input) caQuestions(ci int) []caQuestion {
	t := in.Turn(ci)
	if t == nil {
		return nil
	}
	skip := in.Find(SetCASkip, ci)
	requests, indirect := in.Find(SetCARequest, ci), in.Find(SetCAIndirect, ci)
	splits, asks := in.Find(SetCASplit, ci), in.Find(SetCAAsk, ci)
	var out []caQuestion
	for _, s := range t.Sentences {
		_, leads := caMatchIn(t, requests, s.First, s.Last, caLeadWords)
		_, wonders := caMatchIn(t, indirect, s.First, s.Last, caLeadWords)
		request := !s.Question && !wonders && leads
		if !s.Question && !wonders && !request {
			continue
		}
		for _, q := range caSplit(t, s, splits, asks) {
			q.request = request
			if caWordsBefore(t, q.first, q.last) == 0 || overlapsAny(skip, q.first, q.last) && sentenceCovered(t, q.first, q.last, skip) {
				continue // a lone "??" or a pleasantry
			}
			out = append(out, q)
		}
	}
	return out
}

// caSplit cuts sentence s where a conjunction is followed by the start of a question ("..., and
// does it translate the pages?"). The part before the first cut stays a question only when a
// question start leads it: in "One ticket please, and do I pay now?" only the second asks.
func caSplit(t *textproc.Text, s textproc.Sentence, splits, asks []Match) []caQuestion {
	var out []caQuestion
	q := caQuestion{first: s.First, start: s.Start}
	for _, c := range splits {
		if c.First <= s.First || c.Last+1 >= s.Last || caWordsBefore(t, q.first, c.First) < 2 {
			continue
		}
		if _, ok := caMatchIn(t, asks, c.Last+1, s.Last, 0); !ok {
			continue
		}
		if _, led := caMatchIn(t, asks, q.first, c.First, caLeadWords); led || len(out) > 0 {
			q.last, q.end = c.First, caLastEnd(t, q.first, c.First)
			out = append(out, q)
		}
		q = caQuestion{first: c.First, start: c.Start}
	}
	q.last, q.end = s.Last, s.End
	return append(out, q)
}

// caLastEnd returns the rune end of the last word or number in tokens [first, last).
func caLastEnd(t *textproc.Text, first, last int) int {
	for k := last - 1; k >= first; k-- {
		if kind := t.Tokens[k].Kind; kind == textproc.Word || kind == textproc.Number {
			return t.Tokens[k].End
		}
	}
	return t.Tokens[first].Start
}

// caAligned looks for an answer aimed at question q of customer turn ci: a later reply sharing
// its content, a reason for a "why", or a value in the next reply for a question asking one.
func (in *Input) caAligned(cw *caState, ci int, q caQuestion) (Evidence, bool) {
	words := cw.words(ci, q.first, q.last)
	replies := repliesAfter(in.Conv, ci, caWindow)
	for _, r := range replies {
		if ev, ok := cw.caOverlap(words, cw.reply(r)); ok && !(cw.abandoned && in.inQuestion(ev)) {
			return ev, true // an agent who asked back and then left the customer waiting answered nothing
		}
	}
	t := in.Turn(ci)
	if _, why := caMatchIn(t, in.Find(SetCAWhy, ci), q.first, q.last, -1); why {
		for _, r := range replies {
			if m, ok := in.FindFirst(SetCABecause, r); ok {
				return in.Evidence(r, m), true
			}
		}
	}
	if _, open := caMatchIn(t, in.Find(SetCAOpen, ci), q.first, q.last, -1); open && len(replies) > 0 {
		if tok, ok := caValue(in.Turn(replies[0])); ok {
			return tokenEvidence(replies[0], tok), true
		}
	}
	return Evidence{}, false
}

// inQuestion reports whether evidence lies in a sentence of its turn that asks a question.
func (in *Input) inQuestion(ev Evidence) bool {
	t := in.Turn(ev.Turn)
	if t == nil {
		return false
	}
	for _, s := range t.Sentences {
		if ev.Start >= s.Start && ev.Start < s.End {
			return s.Question
		}
	}
	return false
}

// caWhole looks for the next reply answering question q as the reply to its whole message: an
// answer form opening a sentence, a question back, or engagement with the message.
func (in *Input) caWhole(cw *caState, ci int, q caQuestion) (Evidence, bool) {
	replies := repliesAfter(in.Conv, ci, 1)
	if len(replies) == 0 {
		return Evidence{}, false
	}
	next := replies[0]
	t := in.Turn(next)
	rep := cw.reply(next)
	answers := in.Find(SetCAAnswer, next)
	for si, s := range t.Sentences {
		if rep.isHollow(si) {
			continue // "I'm sorry" opens an apology here, not a refusal
		}
		if m, ok := caMatchIn(t, answers, s.First, s.Last, 1); ok {
			return in.Evidence(next, m), true
		}
	}
	// Asking back engages with the message, unless the agent then left the customer waiting.
	if ev, ok := in.caAsksBack(cw, next); ok && !cw.abandoned {
		return ev, true
	}
	if ev, ok := cw.caOverlap(cw.message(ci), rep); ok && !(cw.abandoned && in.inQuestion(ev)) {
		return ev, true
	}
	if tok, ok := caValue(t); ok {
		return tokenEvidence(next, tok), true
	}
	if len(cw.words(ci, q.first, q.last)) == 0 {
		return in.TurnEvidence(next), true // nothing to compare ("How much is it?")
	}
	return in.caStatement(cw, ci, nil, nil)
}

// caStatement returns the first sentence of the reply after customer turn ci that states
// something: not a question, with a content word outside offers, goodbyes, greetings, requests
// to wait and the customer's name, not only an apology or a stock phrase, not in the
// signature, not already the answer to another question (used) and repeating fewer than
// caContextShared words of context, what the customer reported around the questions: such a
// sentence answers the report ("on 1 February a timeout made the renewal run twice" answers a
// double charge reported for 1 February, not "will this happen again next month?").
func (in *Input) caStatement(cw *caState, ci int, used map[Evidence]bool, context []contentWord) (Evidence, bool) {
	replies := repliesAfter(in.Conv, ci, 1)
	if len(replies) == 0 {
		return Evidence{}, false
	}
	r := replies[0]
	t := in.Turn(r)
	rep := cw.reply(r)
	var names []personalName // "Good afternoon, Priya!" states nothing either
	if c := in.Conv.Customer; c != nil {
		names = personalNames(in.Text.Language, c.Name)
	}
	for si, s := range t.Sentences {
		if s.Question || rep.isHollow(si) || si >= rep.signature || rep.salutation(si) {
			continue
		}
		states, reported := false, 0
		for _, w := range cw.words(r, s.First, s.Last) {
			generic := rep.isGeneric(w.tok) || nameMatches(t.Tokens[w.tok], names)
			states = states || !generic
			if !generic && caSharesWord(context, w) {
				reported++
			}
		}
		if !states || reported >= caContextShared {
			continue
		}
		ev := sentenceEvidence(r, t, si)
		if !used[ev] {
			return ev, true
		}
	}
	return Evidence{}, false
}

// caMatchIn returns the first match starting in tokens [first, last) after at most lead words
// (any number when lead < 0).
func caMatchIn(t *textproc.Text, ms []Match, first, last, lead int) (Match, bool) {
	for _, m := range ms {
		if m.First >= first && m.First < last && (lead < 0 || caWordsBefore(t, first, m.First) <= lead) {
			return m, true
		}
	}
	return Match{}, false
}

// caWordsBefore counts the words in tokens [first, tok) ("Well, yes" has one before "yes").
func caWordsBefore(t *textproc.Text, first, tok int) int {
	n := 0
	for i := first; i < tok; i++ {
		if t.Tokens[i].Kind == textproc.Word {
			n++
		}
	}
	return n
}
