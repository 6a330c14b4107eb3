package check

import (
	"github.com/qa-scorer/qa-scorer/internal/textproc"
)

// How complete_answer reads a reply: what in it answers nothing (words of greetings, goodbyes
// and offers of more help, a salutation, sentences that only apologise or recite a stock
// phrase, an e-mail's signature), and what may answer (a statement, a question back, a value).
// The questions are matched against the rest.

// caSignatureWords is the longest line of a signature block: a name, a title, a team and a
// company ("Claims Team, Briarwood Insurance").
const caSignatureWords = 6

// caGenericSets are the phrase sets whose words answer nothing: offers of more help, goodbyes,
// thanks, greetings and requests to wait.
var caGenericSets = [...]string{SetClosingOffer, SetClosingFarewell, SetClosingWelcome, SetGreeting, SetHoldRequest}

// caReply is one reply as complete_answer reads it.
type caReply struct {
	turn    int
	text    *textproc.Text
	generic [len(caGenericSets)][]Match
	// hollow marks the sentences that only apologise or recite a stock phrase (nil when none
	// does); signature is the index of the first sentence of the sign-off block
	// (len(Sentences) when there is none).
	hollow    []bool
	signature int
}

// caState is what complete_answer reads of one conversation: content words, each reply read
// once however many questions it is compared with, and the words of the customer message
// being answered.
type caState struct {
	*contentWords
	replies []*caReply // by turn index
	msgTurn int
	msg     []contentWord
	// abandoned: the agent's last reply asks the customer to wait and no agent comes back
	// (Input.leftOnHold), so the agent's questions back answer nothing.
	abandoned bool
}

func newCAState(in *Input) *caState {
	_, abandoned := in.leftOnHold()
	return &caState{contentWords: newContentWords(in), replies: make([]*caReply, len(in.Conv.Turns)), msgTurn: -1, abandoned: abandoned}
}

// reply returns reply r as complete_answer reads it.
func (st *caState) reply(r int) *caReply {
	if rep := st.replies[r]; rep != nil {
		return rep
	}
	rep := st.in.caReplyOf(st.contentWords, r)
	st.replies[r] = rep
	return rep
}

// caReplyOf reads reply r.
func (in *Input) caReplyOf(cw *contentWords, r int) *caReply {
	t := in.Turn(r)
	rep := &caReply{turn: r, text: t}
	for k, set := range caGenericSets {
		rep.generic[k] = in.Find(set, r)
	}
	rep.hollow = in.caHollowSentences(cw, r, t)
	rep.signature = caSignatureStart(t, rep.generic[1])
	return rep
}

// isHollow reports whether sentence si of the reply only apologises or recites a stock phrase.
func (rep *caReply) isHollow(si int) bool {
	return rep.hollow != nil && rep.hollow[si]
}

// caHollowSentences marks the sentences of reply r that apologise for something or recite a
// stock phrase ("We apologize for the inconvenience.", "Ваше мнение очень важно для нас.",
// "Ещё раз приносим свои извинения.") without refusing anything or giving a value: "I'm
// sorry, but there is no information on the fee" answers, "We are very sorry that your order
// did not meet your expectations" does not. A bare apology counts only when it is all the
// sentence says. A sentence that also refuses, answers yes or no, or gives a value is not
// hollow.
func (in *Input) caHollowSentences(cw *contentWords, r int, t *textproc.Text) []bool {
	owned, stock := in.Find(SetApologyOwned, r), in.Find(SetCAHollow, r)
	bare := in.Find(SetApologyApology, r)
	if len(owned) == 0 && len(stock) == 0 && len(bare) == 0 {
		return nil
	}
	out := make([]bool, len(t.Sentences))
	regrets := append(append(owned[:len(owned):len(owned)], stock...), bare...)
	sympathy := in.Find(SetApologyExclude, r) // "sorry to hear" is no apology
	bad := in.Find(SetBadNewsBad, r)
	answers := in.Find(SetCAAnswer, r)
	for si, s := range t.Sentences {
		if overlapsAny(bad, s.First, s.Last) || caValueIn(t, s.First, s.Last) || caAnyMatchOutside(answers, regrets, s.First, s.Last) {
			continue // "No, I am sorry, there is not." refuses
		}
		switch {
		case anyMatchIn(stock, s.First, s.Last) || caAnyMatchOutside(owned, sympathy, s.First, s.Last):
			out[si] = true
		case overlapsAny(bare, s.First, s.Last):
			out[si] = true
			for _, w := range cw.words(r, s.First, s.Last) {
				out[si] = out[si] && tokenInMatches(w.tok, regrets)
			}
		}
	}
	return out
}

// caAnyMatchOutside reports whether one of ms lies in tokens [first, last) and overlaps none of
// except.
func caAnyMatchOutside(ms, except []Match, first, last int) bool {
	for _, m := range ms {
		if m.First >= first && m.Last < last && !overlapsAny(except, m.First, m.Last+1) {
			return true
		}
	}
	return false
}

// caSignatureStart returns the first sentence of a reply's sign-off block: a sentence made of a
// farewell ("Kind regards,", "С уважением,", "Cu stimă,") followed only by short lines that ask
// nothing (a name, a title, a team). It returns len(t.Sentences) when the reply has none.
func caSignatureStart(t *textproc.Text, farewells []Match) int {
	n := len(t.Sentences)
	if len(farewells) == 0 {
		return n
	}
	for si, s := range t.Sentences {
		if !overlapsAny(farewells, s.First, s.Last) || !sentenceCovered(t, s.First, s.Last, farewells) {
			continue
		}
		short := true
		for _, rest := range t.Sentences[si+1:] {
			short = short && !rest.Question && caWordsBefore(t, rest.First, rest.Last) <= caSignatureWords
		}
		if short && si+1 < n {
			return si
		}
	}
	return n
}

// salutation reports whether sentence si of the reply is a salutation: led by a greeting and
// no longer than a signature line ("Bună ziua, doamna Stoica,", "Hello Margaret,").
func (rep *caReply) salutation(si int) bool {
	s := rep.text.Sentences[si]
	_, led := caMatchIn(rep.text, rep.generic[3], s.First, s.Last, 0)
	return led && caWordsBefore(rep.text, s.First, s.Last) <= caSignatureWords
}

// isGeneric reports whether token k of the reply stands in a greeting, goodbye, offer or request
// to wait: "Добрый день" in a reply shares "добрый" with the customer's greeting, not with the
// question.
func (rep *caReply) isGeneric(k int) bool {
	for _, ms := range rep.generic {
		if tokenInMatches(k, ms) {
			return true
		}
	}
	return false
}

// caValueIn reports whether tokens [first, last) of t hold a number, link or e-mail address.
func caValueIn(t *textproc.Text, first, last int) bool {
	for k := first; k < last; k++ {
		if kind := t.Tokens[k].Kind; kind == textproc.Number || kind == textproc.URL || kind == textproc.Email {
			return true
		}
	}
	return false
}

// caOverlap returns evidence on the first content word of reply rep, outside its generic
// phrases, hollow sentences and signature, that one of the words q shares.
func (cw *contentWords) caOverlap(q []contentWord, rep *caReply) (Evidence, bool) {
	if len(q) == 0 {
		return Evidence{}, false
	}
	t := rep.text
	for si, s := range t.Sentences {
		if rep.isHollow(si) || si >= rep.signature {
			continue
		}
		for _, w := range cw.words(rep.turn, s.First, s.Last) {
			if rep.isGeneric(w.tok) {
				continue
			}
			for _, qw := range q {
				if sameWord(qw, w) {
					return tokenEvidence(rep.turn, t.Tokens[w.tok]), true
				}
			}
		}
	}
	return Evidence{}, false
}

// caSharesWord reports whether w is one of the words.
func caSharesWord(words []contentWord, w contentWord) bool {
	for _, v := range words {
		if sameWord(v, w) {
			return true
		}
	}
	return false
}

// message returns the content words of customer turn ci outside its greetings and sign-offs
// ("Добрый день!", "С уважением, Наталья"): what the message is about. The caller must not
// modify them.
func (st *caState) message(ci int) []contentWord {
	if st.msgTurn == ci {
		return st.msg
	}
	words := st.turnWords(ci)
	greetings, signoffs := st.in.Find(SetGreeting, ci), st.in.Find(SetCustomerSignoff, ci)
	out := make([]contentWord, 0, len(words))
	for _, w := range words {
		if !tokenInMatches(w.tok, greetings) && !tokenInMatches(w.tok, signoffs) {
			out = append(out, w)
		}
	}
	st.msgTurn, st.msg = ci, out
	return out
}

// caContextWords returns the content words of customer turn ci outside its questions qs (and
// outside greetings and sign-offs): what the customer reports around the questions.
func caContextWords(cw *caState, ci int, qs []caQuestion) []contentWord {
	all := cw.message(ci)
	out := make([]contentWord, 0, len(all))
	for _, w := range all {
		asked := false
		for _, q := range qs {
			asked = asked || w.tok >= q.first && w.tok < q.last
		}
		if !asked {
			out = append(out, w)
		}
	}
	return out
}

// caContextShared is how many words of the customer's report a statement must repeat to be
// taken as the answer to the report rather than to a question: a topic word ("hotel") is
// shared by everything, a date and a detail ("on 1 February", "twice") are a reply to the
// report.
const caContextShared = 2

// caUsedSentences returns the sentences (as evidence) of the replies that hold an answer
// already found.
func caUsedSentences(in *Input, evs []*Evidence) map[Evidence]bool {
	used := map[Evidence]bool{}
	for _, ev := range evs {
		if ev == nil {
			continue
		}
		t := in.Turn(ev.Turn)
		for si, s := range t.Sentences {
			if ev.Start < s.End && ev.End > s.Start {
				used[sentenceEvidence(ev.Turn, t, si)] = true
			}
		}
	}
	return used
}

// caAsksBack returns a question of reply r about the matter: one with a content word outside
// any offer of more help ("For which date?", "The Hakka is nice, shall I book it?"), or with no
// offer at all ("Where to?"), not a stock "Is there anything else I can help you with?".
func (in *Input) caAsksBack(cw *caState, r int) (Evidence, bool) {
	t := in.Turn(r)
	offers := in.Find(SetClosingOffer, r)
	for si, s := range t.Sentences {
		if !s.Question {
			continue
		}
		about := !overlapsAny(offers, s.First, s.Last)
		for _, w := range cw.words(r, s.First, s.Last) {
			about = about || !tokenInMatches(w.tok, offers)
		}
		if about {
			return sentenceEvidence(r, t, si), true
		}
	}
	return Evidence{}, false
}

// caValue returns the first number, link or e-mail address of a reply.
func caValue(t *textproc.Text) (textproc.Token, bool) {
	for _, tok := range t.Tokens {
		if tok.Kind == textproc.Number || tok.Kind == textproc.URL || tok.Kind == textproc.Email {
			return tok, true
		}
	}
	return textproc.Token{}, false
}
