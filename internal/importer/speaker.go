package importer

import (
	"strings"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// speakerOf maps a role as exports and transcripts write it (a CSV "role" cell, the first word
// of a speaker label) onto a speaker, in English, Russian, Ukrainian and Romanian.
func speakerOf(role string) (transcript.Speaker, bool) {
	switch normalizeWord(role) {
	case "customer", "client", "user", "end-user", "enduser", "visitor", "contact", "lead",
		"requester", "caller", "guest", "buyer",
		"клиент", "клієнт", "покупатель", "покупець", "абонент", "пользователь", "користувач",
		"посетитель", "відвідувач", "звонящий",
		"clientul", "utilizator", "utilizatorul", "vizitator", "apelant", "cumpărător":
		return transcript.SpeakerCustomer, true
	case "agent", "operator", "admin", "support", "staff", "rep", "representative", "specialist",
		"consultant", "manager", "teammate",
		"оператор", "агент", "консультант", "менеджер", "специалист", "спеціаліст", "поддержка",
		"підтримка", "сотрудник", "співробітник",
		"operatorul", "agentul", "consultantul", "suport":
		return transcript.SpeakerAgent, true
	case "bot", "chatbot", "assistant", "ivr", "automation", "operator-bot",
		"бот", "чат-бот", "чатбот", "ассистент", "асистент", "robot", "asistent", "asistentul":
		return transcript.SpeakerBot, true
	case "system", "система", "sistem", "sistemul":
		return transcript.SpeakerSystem, true
	}
	return "", false
}

// eventOf maps an event name onto a canonical system event.
func eventOf(s string) (transcript.Event, bool) {
	switch e := transcript.Event(normalizeWord(s)); e {
	case transcript.EventTransfer, transcript.EventHold, transcript.EventUnhold,
		transcript.EventJoin, transcript.EventLeave, transcript.EventClose:
		return e, true
	}
	return "", false
}

// normalizeWord lower-cases a word and unifies the spellings exports use for the same role:
// "End_User", "end user" and "end-user" are one word.
func normalizeWord(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer("_", "-", " ", "-").Replace(s)
}

// knownSpeakers is how error messages list what a speaker may be.
const knownSpeakers = "customer, agent, bot, system (or client, operator, клиент, оператор, клієнт, operatorul, ...)"
