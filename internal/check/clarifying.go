package check

var clarifyingSets = []string{}

// ClarifyingQuestion is being written (stub owned by a helper; replaced before commit).
func ClarifyingQuestion(in *Input) Result {
	return Result{Outcome: Review, Reason: "not built yet"}
}
