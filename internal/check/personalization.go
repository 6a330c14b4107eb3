package check

// Personalization is being written (stub owned by a helper; replaced before commit).
func Personalization(in *Input) Result {
	return Result{Outcome: Review, Reason: "not built yet"}
}
