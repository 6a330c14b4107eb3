package importer

import "github.com/qa-scorer/qa-scorer/internal/transcript"

// channelOf maps a channel as exports name it (a CSV cell, Zendesk's via.channel, Intercom's
// source.type) onto a canonical channel. Vendor-neutral names such as "web" or "api" are not
// mapped: the caller falls back to Options.DefaultChannel or the vendor's usual channel.
func channelOf(s string) (transcript.Channel, bool) {
	switch normalizeWord(s) {
	case "chat", "livechat", "live-chat", "webchat", "web-chat", "widget", "conversation",
		"native-messaging", "chat-transcript", "mobile-sdk", "messenger-widget", "чат":
		return transcript.ChannelChat, true
	case "messenger", "whatsapp", "telegram", "viber", "facebook-messenger", "instagram",
		"instagram-dm", "line", "wechat", "apple-business-chat", "google-rcs", "мессенджер", "месенджер":
		return transcript.ChannelMessenger, true
	case "email", "e-mail", "mail", "почта", "пошта":
		return transcript.ChannelEmail, true
	case "social", "twitter", "twitter-dm", "facebook", "facebook-post":
		return transcript.ChannelSocial, true
	case "sms", "messagebird-sms", "twilio-sms":
		return transcript.ChannelSMS, true
	case "voice", "phone", "call", "phone-call", "phone-call-inbound", "phone-call-outbound",
		"voicemail", "voice-inbound", "voice-outbound", "телефон", "звонок", "дзвінок", "apel", "telefon":
		return transcript.ChannelVoice, true
	}
	return "", false
}
