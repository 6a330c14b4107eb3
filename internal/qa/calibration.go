package qa

// CalibrationProgress is how far one invited reviewer is in a calibration session: the number
// of its scorecards they have submitted a review of. It tells who is done without showing any
// verdict, so it is visible before the reveal.
type CalibrationProgress struct {
	ReviewerID int64 `json:"reviewer_id"`
	Submitted  int   `json:"submitted"`
}

// CalibrationSummary is a session as listed: the session and every invited reviewer's
// progress, by reviewer id.
type CalibrationSummary struct {
	Calibration
	Progress []CalibrationProgress `json:"progress"`
}
