package ner

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/zhnews/zhnews/seg"
)

var (
	segOnce sync.Once
	segVal  *seg.Segmenter
	segErr  error
)

func testSeg(t testing.TB) *seg.Segmenter {
	t.Helper()
	segOnce.Do(func() { segVal, segErr = seg.New(seg.Options{}) })
	if segErr != nil {
		t.Fatal(segErr)
	}
	return segVal
}

// spanTexts renders spans as "TYPE:text" for comparisons.
func spanTexts(text string, spans []Span) []string {
	out := []string{}
	for _, s := range spans {
		out = append(out, s.Type+":"+text[s.Start:s.End])
	}
	return out
}

func TestReaders(t *testing.T) {
	tests := []struct {
		name  string
		read  func(r *strings.Reader) ([]Sentence, error)
		in    string
		want  [][]string // per sentence: text, then TYPE:mention
		types []string
	}{
		{
			name: "msra",
			read: func(r *strings.Reader) ([]Sentence, error) { return ReadMSRA(r) },
			in:   "张\tB-PER\n小\tI-PER\n明\tI-PER\n在\tO\n上\tB-LOC\n海\tI-LOC\n\n华\tB-ORG\n星\tI-ORG\n厂\tI-ORG\n好\tO\n",
			want: [][]string{
				{"张小明在上海", "PERSON:张小明", "LOC:上海"},
				{"华星厂好", "ORG:华星厂"},
			},
			types: []string{Person, Org, Loc},
		},
		{
			name: "msra-crlf-and-stray-I",
			read: func(r *strings.Reader) ([]Sentence, error) { return ReadMSRA(r) },
			in:   "\r\n王\tI-PER\r\n五\tI-PER\r\n来\tO\r\n\r\n\r\n",
			want: [][]string{{"王五来", "PERSON:王五"}},
		},
		{
			name: "resume",
			read: func(r *strings.Reader) ([]Sentence, error) { return ReadResume(r) },
			in:   "李 B-NAME\n四 E-NAME\n任 O\n星 B-ORG\n辰 M-ORG\n公 M-ORG\n司 E-ORG\n总 B-TITLE\n监 E-TITLE\n， O\n汉 B-RACE\n族 E-RACE\n\n男 S-NAME\n",
			want: [][]string{
				{"李四任星辰公司总监，汉族", "PERSON:李四", "ORG:星辰公司", "TITLE:总监"},
				{"男", "PERSON:男"},
			},
			types: []string{Person, Org, Title},
		},
		{
			name: "cluener",
			read: func(r *strings.Reader) ([]Sentence, error) { return ReadCLUENER(r) },
			in: `{"text": "赵六是蓝海公司的经理，住在北京市朝阳区。", "label": {"name": {"赵六": [[0, 1]]}, "company": {"蓝海公司": [[3, 6]]}, "position": {"经理": [[8, 9]]}, "address": {"北京市朝阳区": [[13, 18]]}, "book": {"x": [[0, 0]]}}}
` + "\n" + `{"text": "无实体", "label": {}}`,
			want: [][]string{
				{"赵六是蓝海公司的经理，住在北京市朝阳区。", "PERSON:赵六", "ORG:蓝海公司", "TITLE:经理", "LOC:北京市朝阳区"},
				{"无实体"},
			},
			types: Types,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents, err := tt.read(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			for _, s := range sents {
				for _, sp := range s.Spans {
					if sp.Start < 0 || sp.End > len(s.Text) || sp.Start >= sp.End || !utf8.ValidString(s.Text[sp.Start:sp.End]) {
						t.Fatalf("bad span %+v in %q", sp, s.Text)
					}
				}
				got = append(got, append([]string{s.Text}, spanTexts(s.Text, s.Spans)...))
				if tt.types != nil && !cmp.Equal(s.Types, tt.types) {
					t.Errorf("Types = %v, want %v", s.Types, tt.types)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("sentences (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReaderErrors(t *testing.T) {
	if _, err := ReadMSRA(strings.NewReader("张 B-PER\n")); err == nil {
		t.Error("ReadMSRA: want an error for a line without a tab")
	}
	if _, err := ReadResume(strings.NewReader("张 X-NAME\n")); err == nil {
		t.Error("ReadResume: want an error for an unknown tag prefix")
	}
	if _, err := ReadCLUENER(strings.NewReader(`{"text": "ab", "label": {"name": {"c": [[1, 5]]}}}`)); err == nil {
		t.Error("ReadCLUENER: want an error for offsets past the text")
	}
	if _, err := ReadCLUENER(strings.NewReader("{")); err == nil {
		t.Error("ReadCLUENER: want an error for bad JSON")
	}
}

// toyData is invented training data: a few patterns repeated with varying
// names, organizations and places.
func toyData() []Sentence {
	var out []Sentence
	people := []string{"王建国", "李秀英", "张伟", "刘德明", "陈思远", "杨帆", "赵丽华", "黄志强"}
	orgs := []string{"星河科技有限公司", "东湖职业技术学院", "蓝天集团", "南山大学", "青松研究所"}
	places := []string{"武汉市", "杭州市", "江苏省", "成都市"}
	titles := []string{"校长", "总经理", "党委书记", "院长", "董事长"}
	for i := 0; i < 120; i++ {
		p, o, l, ti := people[i%len(people)], orgs[i%len(orgs)], places[i%len(places)], titles[i%len(titles)]
		var s Sentence
		add := func(typ, x string) {
			if typ != "" {
				s.Spans = append(s.Spans, Span{Type: typ, Start: len(s.Text), End: len(s.Text) + len(x)})
			}
			s.Text += x
		}
		switch i % 3 {
		case 0:
			add(Org, o)
			add(Title, ti)
			add(Person, p)
			add("", "昨天在")
			add(Loc, l)
			add("", "出席了签约仪式。")
		case 1:
			add(Person, p)
			add("", "表示，")
			add(Org, o)
			add("", "将与")
			add(Loc, l)
			add("", "加强合作。")
		default:
			add("", "来自")
			add(Loc, l)
			add("", "的")
			add(Person, p)
			add("", "担任")
			add(Title, ti)
			add("", "。")
		}
		out = append(out, s)
	}
	return out
}

// toyModel is a model trained once per test binary on a small data set.
type toyModel struct {
	once sync.Once
	m    *Model
	err  error
}

// get trains the model on data the first time and returns it.
func (c *toyModel) get(t testing.TB, data func() []Sentence) *Model {
	t.Helper()
	sg := testSeg(t)
	c.once.Do(func() {
		c.m, c.err = Train(context.Background(), data(), TrainOptions{Epochs: 8, Seg: sg, MinCount: 1})
	})
	if c.err != nil {
		t.Fatal(c.err)
	}
	return c.m
}

var toy toyModel

func trainToy(t testing.TB) *Model { return toy.get(t, toyData) }

func TestTrainLearnsToyData(t *testing.T) {
	m := trainToy(t)
	sg := testSeg(t)
	for _, s := range toyData()[:12] {
		got := spanTexts(s.Text, m.TagText(sg, s.Text))
		want := spanTexts(s.Text, s.Spans)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", s.Text, diff)
		}
	}
	// The model survives a save and load unchanged in what it tags.
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range toyData()[:12] {
		if a, b := m.TagText(sg, s.Text), m2.TagText(sg, s.Text); !cmp.Equal(a, b) {
			t.Errorf("%s: before save %v, after load %v", s.Text, a, b)
		}
	}
}

func TestTraditional(t *testing.T) {
	m := trainToy(t)
	sg := testSeg(t)
	simp := "东湖职业技术学院校长王建国昨天在武汉市出席了签约仪式。"
	trad := "東湖職業技術學院校長王建國昨天在武漢市出席了簽約儀式。"
	want := spanTexts(simp, m.TagText(sg, simp))
	if len(want) == 0 {
		t.Fatal("no entities in the simplified sentence")
	}
	spans := m.TagText(sg, trad)
	got := spanTexts(trad, spans)
	tradWant := []string{"ORG:東湖職業技術學院", "TITLE:校長", "PERSON:王建國", "LOC:武漢市"}
	if diff := cmp.Diff(tradWant, got); diff != "" {
		t.Errorf("traditional (-want +got):\n%s", diff)
	}
	simpSpans := m.TagText(sg, simp)
	if !cmp.Equal(spans, simpSpans) {
		t.Errorf("offsets differ: traditional %v, simplified %v", spans, simpSpans)
	}
}

func TestTagEdgeCases(t *testing.T) {
	m := trainToy(t)
	sg := testSeg(t)
	for _, text := range []string{"", " ", "a", "王", "\xff\xfe", "王建国\n李秀英", strings.Repeat("南山大学", 500)} {
		for _, words := range [][]seg.Token{nil, sg.Segment(text), {{Text: "x", Start: 5, End: 2}, {Start: -1, End: 900}}} {
			checkSpans(t, text, m.Tag(text, words))
		}
	}
}

func checkSpans(t testing.TB, text string, spans []Span) {
	t.Helper()
	bound := map[int]bool{len(text): true} // rune boundaries as Go decodes text
	for i := range text {
		bound[i] = true
	}
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("%q: bad or overlapping span %+v in %v", text, s, spans)
		}
		if typeIndex(s.Type) < 0 {
			t.Fatalf("%q: unknown type %q", text, s.Type)
		}
		if !bound[s.Start] || !bound[s.End] {
			t.Fatalf("%q: span %+v splits a rune", text, s)
		}
		prev = s.End
	}
}

func TestConcurrentTag(t *testing.T) {
	m := trainToy(t)
	sg := testSeg(t)
	data := toyData()
	want := make([][]Span, len(data))
	for i, s := range data {
		want[i] = m.TagText(sg, s.Text)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range data {
				j := (i + g*7) % len(data)
				if got := m.TagText(sg, data[j].Text); !cmp.Equal(got, want[j]) {
					t.Errorf("goroutine %d: %q: %v, want %v", g, data[j].Text, got, want[j])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestLoadErrors(t *testing.T) {
	for _, in := range []string{"", "not a model", magic, "\x1f\x8bxx"} {
		if _, err := Load(strings.NewReader(in)); err == nil {
			t.Errorf("Load(%q): want an error", in)
		}
	}
	// A truncated model fails to load.
	var buf bytes.Buffer
	if err := trainToy(t).Save(&buf); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if _, err := Load(bytes.NewReader(b[:len(b)/2])); err == nil {
		t.Error("Load(truncated): want an error")
	}
}

func FuzzTag(f *testing.F) {
	m := trainToy(f)
	sg := testSeg(f)
	for _, s := range []string{"", "王建国担任校长。", "國立臺灣大學", "\xe7\x8e", "a\u3000b\nc\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, m.TagText(sg, text))
		checkSpans(t, text, m.Tag(text, nil))
	})
}

func TestEmbedded(t *testing.T) {
	if _, err := modelFS.Open(EmbeddedPath); err != nil {
		t.Skip("no committed model")
	}
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	sg := testSeg(t)
	text := "武汉职业技术学院党委书记、校长李洪渠出席签约仪式。"
	got := spanTexts(text, m.TagText(sg, text))
	want := []string{"ORG:武汉职业技术学院", "TITLE:党委书记", "TITLE:校长", "PERSON:李洪渠"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", text, diff)
	}
}

// TestDevScores checks the committed model on the held-out development
// parts of the NER data, when the data is there.
func TestDevScores(t *testing.T) {
	const dir = "../../shared/data/ner"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no NER data at", dir)
	}
	if _, err := modelFS.Open(EmbeddedPath); err != nil {
		t.Skip("no committed model")
	}
	if testing.Short() {
		t.Skip("short")
	}
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(dir + "/resume_dev.bmes")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ReadResume(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(m, testSeg(t), sents, 0)
	t.Logf("Resume dev:\n%s", sc)
	if f1 := sc["micro"].F1(); f1 < 0.88 {
		t.Errorf("Resume dev micro F1 %.4f, want ≥ 0.88", f1)
	}
}

func ExampleModel_Tag() {
	m, err := Embedded()
	if err != nil {
		fmt.Println(err)
		return
	}
	sg, err := seg.New(seg.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "武汉职业技术学院党委书记、校长李洪渠出席签约仪式。"
	for _, s := range m.Tag(text, sg.Segment(text)) {
		fmt.Println(s.Type, text[s.Start:s.End])
	}
	// Output:
	// ORG 武汉职业技术学院
	// TITLE 党委书记
	// TITLE 校长
	// PERSON 李洪渠
}

func BenchmarkTag(b *testing.B) {
	m, err := Embedded()
	if err != nil {
		b.Skip("no committed model:", err)
	}
	sg := testSeg(b)
	text := strings.Repeat("武汉职业技术学院党委书记、校长李洪渠与湖北省教育厅副厅长张明在武汉市签署校企合作协议，双方将共建产业学院。", 4)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		m.Tag(text, sg.Segment(text))
	}
}

func BenchmarkEmbedded(b *testing.B) {
	for b.Loop() {
		if _, err := Embedded(); err != nil {
			b.Skip(err)
		}
	}
}
