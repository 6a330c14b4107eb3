package check

// ResponseTime is being written (stub owned by a helper; replaced before commit).
func ResponseTime(in *Input) Result {
	return Result{Outcome: Review, Reason: "not built yet"}
}
