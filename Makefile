# qa-scorer: one entry point for running, testing and measuring. See README.md.
SHELL := /bin/bash
GO ?= go
EXTERNAL := ../shared/eval/external

.PHONY: demo build frontend test layering fuzz eval bench serve clean

## demo: score the bundled sample conversations (every format, four languages) and print a report
demo:
	$(GO) run ./cmd/qa score --format table testdata/demo
	$(GO) run ./cmd/qa report testdata/demo

## build: the qa binary with the web app inside (needs npm for the frontend)
build: frontend
	$(GO) build -o bin/qa ./cmd/qa

## serve: the web app built into the binary, on SQLite, with the demo data and a printed admin
serve: build
	bin/qa serve --demo

frontend:
	@if [ -f frontend/package.json ]; then cd frontend && npm ci --no-audit --no-fund && npm run build; fi

## test: every test, on a throwaway PostgreSQL and in a real browser (what CI runs)
test:
	bash .ci/test.sh

## layering: domain packages must not depend on gin, gorm or casbin
layering:
	@bad=$$($(GO) list -deps ./internal/transcript ./internal/textproc ./internal/timezone ./internal/check ./internal/rubric ./internal/report ./internal/importer ./internal/qa ./internal/calibration | grep -E 'gin-gonic|gorm.io|casbin' || true); \
	if [ -n "$$bad" ]; then echo "layering: domain packages import: $$bad"; exit 1; fi; echo "layering: ok"

## fuzz: run every fuzz target for FUZZTIME each: an execution count (default 10000x) or a duration (10m).
## CI uses a count: with a duration, Go 1.26's fuzz coordinator can fail a target with a bare
## "context deadline exceeded" at the deadline though nothing crashed (go.dev/issue/75804, fixed in 1.27).
FUZZTIME ?= 10000x
fuzz:
	@for pkg in $$($(GO) list ./internal/...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; $(GO) test -run='^$$' -fuzz="^$$f$$" -fuzztime=$(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

## eval: score the external dev sets and our own labelled dev sets; print the referee's tables
eval:
	bash .ci/eval.sh

## bench: scoring throughput per language and the read-and-segment ceiling
bench:
	$(GO) test -run='^$$' -bench=. -benchmem -cpu=1 ./internal/rubric/ ./internal/textproc/

clean:
	rm -rf bin
