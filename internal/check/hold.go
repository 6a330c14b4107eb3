package check

var holdSets = []string{}

// HoldEtiquette is being written (stub owned by a helper; replaced before commit).
func HoldEtiquette(in *Input) Result {
	return Result{Outcome: Review, Reason: "not built yet"}
}
