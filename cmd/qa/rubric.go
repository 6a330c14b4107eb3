package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/importer"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

func runRubric(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: qa rubric validate|show", errUsage)
	}
	switch args[0] {
	case "validate":
		return runRubricValidate(e, args[1:])
	case "show":
		return runRubricShow(e, args[1:])
	}
	return fmt.Errorf("%w: unknown subcommand %q: qa rubric validate|show", errUsage, args[0])
}

// runRubricValidate loads the checklists and the given rubrics (all of the rubric folder when
// none is given) and reports every problem with file, line and field.
func runRubricValidate(e env, args []string) error {
	fs := flag.NewFlagSet("rubric validate", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var k knowledgeFlags
	k.register(fs)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	scorer, err := k.loadScorer()
	if err != nil {
		fmt.Fprintf(e.stderr, "invalid: %v\n", err)
		return errRejected
	}
	know := scorer.Knowledge()
	fmt.Fprintf(e.stdout, "checklists: ok (%s)\n", strings.Join(know.Languages(), ", "))
	refs := fs.Args()
	if len(refs) == 0 {
		refs, err = rubric.List(k.rubricFS())
		if err != nil {
			return err
		}
	}
	bad := 0
	for _, ref := range refs {
		r, err := loadRubricRef(k.rubricFS(), ref)
		if err != nil {
			fmt.Fprintf(e.stderr, "invalid: %v\n", err)
			bad++
			continue
		}
		fmt.Fprintf(e.stdout, "rubric %s v%d: ok (%d items)", r.ID, r.Version, len(r.Items()))
		if missing := missingSets(r, know); len(missing) > 0 {
			fmt.Fprintf(e.stdout, "; answers review for lack of phrases: %s", strings.Join(missing, "; "))
		}
		fmt.Fprintln(e.stdout)
	}
	if bad > 0 {
		return errRejected
	}
	return nil
}

// missingSets lists, per language, the phrase sets a rubric's checks read that the checklists
// lack: those checks answer review in that language.
func missingSets(r *rubric.Rubric, k *rubric.Knowledge) []string {
	var out []string
	for _, lang := range k.Languages() {
		lex := k.Lexicons[lang]
		var miss []string
		for _, it := range r.Items() {
			def, _ := check.Lookup(it.Check)
			for _, set := range def.Sets {
				if lex.Set(set) == nil {
					miss = append(miss, set)
				}
			}
		}
		if len(miss) > 0 {
			out = append(out, lang+": "+strings.Join(miss, ", "))
		}
	}
	return out
}

func runRubricShow(e env, args []string) error {
	fs := flag.NewFlagSet("rubric show", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var k knowledgeFlags
	k.register(fs)
	format := fs.String("format", "table", "table or json")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 1 {
		k.rubric = fs.Arg(0)
	}
	r, err := k.loadRubric()
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	fmt.Fprintf(e.stdout, "%s v%d: %s\n%s\npass score %s\n", r.ID, r.Version, r.Name, r.Description, fmtNum(r.PassScore))
	var total float64
	for _, s := range r.Sections {
		fmt.Fprintf(e.stdout, "\n%s\n", s.Name)
		for _, it := range s.Items {
			flags := ""
			if it.Critical {
				flags += " critical"
			}
			if it.Optional {
				flags += " optional"
			}
			fmt.Fprintf(e.stdout, "  %-22s %5s points%s\n", it.Check, fmtNum(it.Points), flags)
			if it.Description != "" {
				fmt.Fprintf(e.stdout, "      %s\n", it.Description)
			}
			total += it.Points
		}
	}
	fmt.Fprintf(e.stdout, "\ntotal %s points\n", fmtNum(total))
	return nil
}

func runFormats(ctx context.Context, e env, args []string) error {
	for _, f := range importer.Formats() {
		fmt.Fprintln(e.stdout, f)
	}
	return nil
}
