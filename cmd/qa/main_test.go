package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runQA runs the command in-process and returns exit code, stdout and stderr.
func runQA(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const twoConvs = `{"id":"c1","channel":"chat","language":"en","turns":[{"speaker":"customer","text":"Hi, where is my order 5531?"},{"speaker":"agent","text":"Hello! It ships tomorrow."}]}
{"id":"c2","channel":"chat","language":"ru","turns":[{"speaker":"customer","text":"Где заказ?"},{"speaker":"agent","text":"Это не моя проблема."}]}
`

func TestScoreJSONLInInputOrder(t *testing.T) {
	code, out, stderr := runQA(t, twoConvs, "score", "--format", "jsonl", "-")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 scorecards, got %d: %s", len(lines), out)
	}
	var first, second map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(lines[1]), &second); err != nil {
		t.Fatal(err)
	}
	if first["conversation_id"] != "c1" || second["conversation_id"] != "c2" {
		t.Fatalf("order: %v, %v", first["conversation_id"], second["conversation_id"])
	}
	if second["language"] != "ru" || first["rubric"].(map[string]any)["id"] != "standard" {
		t.Fatalf("scorecard fields: %v", second)
	}
}

func TestScoreRejectsBadRecordAndScoresTheRest(t *testing.T) {
	in := twoConvs + `{"id":"c3","channel":"chat","turns":[{"speaker":"customer","text":"x","at":"yesterday"}]}` + "\n"
	code, out, stderr := runQA(t, in, "score", "--format", "jsonl", "-")
	if code != exitRejected {
		t.Fatalf("exit %d, want %d", code, exitRejected)
	}
	if n := strings.Count(out, "\n"); n != 2 {
		t.Fatalf("want the 2 good scorecards, got %d lines", n)
	}
	if !strings.Contains(stderr, `conversation "c3"`) || !strings.Contains(stderr, "turns[0].at") {
		t.Fatalf("stderr should name the record and field: %s", stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"no input", []string{"score"}},
		{"bad format", []string{"score", "--format", "xml", "-"}},
		{"unknown command", []string{"scour"}},
		{"missing file", []string{"score", "no-such-file.jsonl"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, _ := runQA(t, "", tc.args...); code != exitUsage {
				t.Fatalf("exit %d, want %d", code, exitUsage)
			}
		})
	}
}

func TestFormats(t *testing.T) {
	t.Run("json array", func(t *testing.T) {
		_, out, _ := runQA(t, twoConvs, "score", "--format", "json", "-")
		var cards []map[string]any
		if err := json.Unmarshal([]byte(out), &cards); err != nil || len(cards) != 2 {
			t.Fatalf("json: %v, %d cards", err, len(cards))
		}
	})
	t.Run("csv row per item", func(t *testing.T) {
		_, out, _ := runQA(t, twoConvs, "score", "--format", "csv", "-")
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if rows[0][0] != "conversation_id" || len(rows) != 1+2*15 {
			t.Fatalf("csv: header %v, %d rows (want 1 + 2×15)", rows[0], len(rows))
		}
	})
	t.Run("table names forbidden phrase", func(t *testing.T) {
		_, out, _ := runQA(t, twoConvs, "score", "--format", "table", "-")
		if !strings.Contains(out, "forbidden_phrases") || !strings.Contains(out, "Это не моя проблема") {
			t.Fatalf("table: %s", out)
		}
	})
}

func TestReport(t *testing.T) {
	code, out, stderr := runQA(t, twoConvs, "report", "--format", "json", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var sum struct {
		Conversations int `json:"conversations"`
		Items         []struct {
			ID   string `json:"id"`
			Pass int    `json:"pass"`
			Fail int    `json:"fail"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Conversations != 2 {
		t.Fatalf("conversations = %d", sum.Conversations)
	}
	for _, it := range sum.Items {
		if it.ID == "forbidden_phrases" && (it.Pass != 1 || it.Fail != 1) {
			t.Fatalf("forbidden_phrases pass %d fail %d, want 1 and 1", it.Pass, it.Fail)
		}
	}
}

func TestRubricValidate(t *testing.T) {
	code, out, stderr := runQA(t, "", "rubric", "validate")
	if code != exitOK || !strings.Contains(out, "rubric standard v1: ok") {
		t.Fatalf("exit %d out %s err %s", code, out, stderr)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("id: bad\nversion: 1\nsections:\n  - name: A\n    items:\n      - check: greting\n        points: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runQA(t, "", "rubric", "validate", bad)
	if code != exitRejected || !strings.Contains(stderr, `line 6: section "A": check "greting": unknown check id`) {
		t.Fatalf("exit %d stderr %s", code, stderr)
	}
}

func TestCSVColumnMapping(t *testing.T) {
	csvIn := "Діалог,Час,Хто,Оператор,Повідомлення\n" +
		"UA-1,24.11.2026 18:45:10,клієнт,,Добрий вечір! Де моє замовлення?\n" +
		"UA-1,24.11.2026 18:45:40,оператор,Богдан,\"Добрий вечір! Замовлення вже у відділенні.\"\n"
	args := []string{"score", "--format", "jsonl", "--input-format", "csv", "--csv-time-layout", "02.01.2006 15:04:05",
		"--csv-timezone", "Europe/Kyiv", "--csv-columns", "conversation_id=Діалог,time=Час,speaker=Хто,agent_name=Оператор,text=Повідомлення", "-"}
	code, out, stderr := runQA(t, csvIn, args...)
	if code != exitOK || !strings.Contains(out, `"conversation_id":"UA-1"`) || !strings.Contains(out, `"language":"uk"`) {
		t.Fatalf("exit %d out %s err %s", code, out, stderr)
	}
	code, _, stderr = runQA(t, csvIn, "score", "--csv-columns", "conversation=Діалог", "-")
	if code != exitUsage || !strings.Contains(stderr, "want FIELD=Header pairs") {
		t.Fatalf("bad mapping: exit %d stderr %s", code, stderr)
	}
}
