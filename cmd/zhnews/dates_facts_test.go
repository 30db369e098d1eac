package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDatesCommand(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.jsonl")
	lines := `{"text":"6月24日下午举行签约仪式","ref":"2021-07-06"}
碳达峰碳中和3060目标
{"text":"12月30日","ref":"2022-01-05T09:30:00+08:00"}
`
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "dates", "--annotation", in)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSpace(out), "\n")
	if len(got) != 3 {
		t.Fatalf("got %d lines, want 3:\n%s", len(got), out)
	}
	want := []struct {
		text, value, part string
		n                 int
	}{{"6月24日下午", "2021-06-24", "afternoon", 1}, {"", "", "", 0}, {"12月30日", "2021-12-30", "", 1}}
	for i, line := range got {
		var o datesOutput
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatal(err)
		}
		if len(o.Dates) != want[i].n {
			t.Errorf("line %d: %d dates %+v, want %d", i+1, len(o.Dates), o.Dates, want[i].n)
			continue
		}
		if want[i].n == 1 {
			d := o.Dates[0]
			if d.Text != want[i].text || d.Value != want[i].value || d.PartOfDay != want[i].part {
				t.Errorf("line %d: got %+v, want %+v", i+1, d, want[i])
			}
		}
	}
	// The default reading gives instants.
	out, _, err = run(t, "dates", in)
	if err != nil {
		t.Fatal(err)
	}
	var first datesOutput
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &first); err != nil {
		t.Fatal(err)
	}
	if len(first.Dates) != 1 || first.Dates[0].Value != "2021-06-24T13:00" || first.Dates[0].Grain != "hour" {
		t.Errorf("instants: got %+v, want 2021-06-24T13:00 at grain hour", first.Dates)
	}
	// A malformed line or reference is a clear error naming the line.
	if err := os.WriteFile(in, []byte("{\"text\":\"x\",\"ref\":\"yesterday\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, "dates", in); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad ref: err %v, want one naming line 1", err)
	}
	var ue usageError
	if _, _, err := run(t, "dates", "--ref", "soon", in); !errors.As(err, &ue) {
		t.Errorf("bad --ref: err %v, want a usage error", err)
	}
}

func TestFactsCommand(t *testing.T) {
	out, _, err := run(t, "facts", "--format", "csv", "../../samples/pages")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || rows[0][0] != "article_id" {
		t.Fatalf("want a header and rows, got %d rows", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	found := false
	for _, r := range rows[1:] {
		// vsb-utf8.html: 副院长马立群代表学院与江城华拓智能装备有限公司签署合作协议
		if r[col["type"]] == "signing" && r[col["org"]] == "江城职业技术学院" && r[col["person"]] == "马立群" &&
			strings.Contains(r[col["partners"]], "江城华拓智能装备有限公司") && r[col["evidence"]] != "" {
			found = true
		}
	}
	if !found {
		t.Errorf("no signing row of 江城职业技术学院 (马立群) with 江城华拓智能装备有限公司 in\n%s", out)
	}
	if _, _, err := run(t, "facts", "--format", "xml", "../../samples/pages"); err == nil {
		t.Error("--format xml: want an error")
	}
}
