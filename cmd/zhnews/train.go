package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/spf13/cobra"
	"github.com/zhnews/zhnews/ner"
	"github.com/zhnews/zhnews/seg"
)

// Files of the NER training data directory and their development splits.
const (
	msraFile       = "msra_train.bio"
	resumeFile     = "resume_train.bmes"
	resumeDevFile  = "resume_dev.bmes"
	cluenerFile    = "cluener_train.jsonl"
	msraDevShare   = 20 // the last 1/20 of MSRA is held out
	cluenerDevPart = 10 // the last 1/10 of CLUENER is held out
)

func newTrainCmd() *cobra.Command {
	var (
		data, out, devOut  string
		epochs, minCount   int
		oversample         int
		seed               int64
		skip               []string
		devEvery, noLatent bool
		noCorpus           bool
	)
	cmd := &cobra.Command{
		Use:   "train --data DIR -o MODEL",
		Short: "Train the named-entity tagger from the NER data sets",
		Long: `Train builds the named-entity model (PERSON, ORG, LOC, TITLE) from the data
sets in DIR: msra_train.bio (MSRA, BIO), resume_train.bmes (Resume, BMES) and
cluener_train.jsonl (CLUENER2020). A development part is held out and never
trained on: the last 5% of the MSRA sentences, the last 10% of the CLUENER
lines, and resume_dev.bmes as a whole. --dev-out writes those parts in their
own formats (msra_dev.bio, resume_dev.bmes, cluener_dev.jsonl) for scoring.

Progress (per epoch: training accuracy, then development F1 by type) goes to
stderr. The model is written gzip-compressed to MODEL.`,
		Example: `  zhnews train --data ../shared/data/ner -o ner/model/ner.bin.gz
  zhnews train --data ../shared/data/ner -o /tmp/ner.bin.gz --epochs 5 --dev-out /tmp/nerdev`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" || out == "" {
				return usageError{fmt.Errorf("--data and -o are required (see 'zhnews train --help')")}
			}
			if epochs <= 0 || minCount <= 0 || oversample <= 0 {
				return usageError{fmt.Errorf("--epochs, --min-count and --oversample must be positive")}
			}
			stderr := cmd.ErrOrStderr()
			began := time.Now()
			sp, err := loadNERData(data)
			if err != nil {
				return err
			}
			if devOut != "" {
				if err := sp.writeDev(devOut); err != nil {
					return err
				}
			}
			var train []ner.Sentence
			if !slices.Contains(skip, "msra") {
				train = append(train, sp.msraTrain...)
			}
			for range oversample {
				if !slices.Contains(skip, "resume") {
					train = append(train, sp.resumeTrain...)
				}
				if !slices.Contains(skip, "cluener") {
					train = append(train, sp.clueTrain...)
				}
			}
			dev := append(append(append([]ner.Sentence{}, sp.msraDev...), sp.resumeDev...), sp.clueDev...)
			fmt.Fprintf(stderr, "train: %d MSRA + %d Resume + %d CLUENER sentences (Resume and CLUENER ×%d); dev %d + %d + %d\n",
				len(sp.msraTrain), len(sp.resumeTrain), len(sp.clueTrain), oversample, len(sp.msraDev), len(sp.resumeDev), len(sp.clueDev))
			sg, err := seg.New(seg.Options{})
			if err != nil {
				return err
			}
			opts := ner.TrainOptions{
				Epochs:   epochs,
				Seg:      sg,
				MinCount: minCount,
				Seed:     seed,
				NoLatent: noLatent,
				NoCorpus: noCorpus,
				Progress: func(epoch int, acc float64) {
					fmt.Fprintf(stderr, "epoch %d: training accuracy %.4f (%s)\n", epoch, acc, time.Since(began).Round(time.Second))
				},
			}
			if devEvery {
				opts.Snapshot = func(epoch int, m *ner.Model) {
					fmt.Fprintf(stderr, "epoch %d dev micro F1: MSRA %.4f, Resume %.4f, CLUENER %.4f\n", epoch,
						ner.Evaluate(m, sg, sp.msraDev, 0)["micro"].F1(), ner.Evaluate(m, sg, sp.resumeDev, 0)["micro"].F1(), ner.Evaluate(m, sg, sp.clueDev, 0)["micro"].F1())
				}
			}
			m, err := ner.Train(cmd.Context(), train, opts)
			if err != nil {
				return fmt.Errorf("train: %w", err)
			}
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return err
			}
			if err := m.Save(f); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			st, _ := os.Stat(out)
			fmt.Fprintf(stderr, "wrote %s: %d features, %.1f MB; training took %s\n", out, m.Features(), float64(st.Size())/1e6, time.Since(began).Round(time.Second))
			for _, part := range []struct {
				name  string
				sents []ner.Sentence
			}{{"MSRA dev", sp.msraDev}, {"Resume dev", sp.resumeDev}, {"CLUENER dev", sp.clueDev}} {
				texts := make([]string, len(part.sents))
				for i := range part.sents {
					texts[i] = part.sents[i].Text
				}
				fmt.Fprintf(stderr, "%s (%d sentences, scheme %s):\n%s", part.name, len(part.sents), m.Detect(texts), ner.Evaluate(m, sg, part.sents, 0))
			}
			_ = dev
			return nil
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "directory of the NER data sets")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the model to `FILE`")
	cmd.Flags().IntVar(&epochs, "epochs", 12, "passes over the training data")
	cmd.Flags().IntVar(&minCount, "min-count", 2, "drop features seen fewer times")
	cmd.Flags().IntVar(&oversample, "oversample", 2, "repeat the Resume and CLUENER sentences N times per epoch")
	cmd.Flags().Int64Var(&seed, "seed", 1, "shuffling seed")
	cmd.Flags().StringSliceVar(&skip, "skip", nil, "leave out data sets (msra, resume, cluener); for experiments")
	cmd.Flags().BoolVar(&devEvery, "dev-every-epoch", false, "score the development parts after every epoch")
	cmd.Flags().BoolVar(&noLatent, "no-latent", false, "treat unannotated types as O (for experiments)")
	cmd.Flags().BoolVar(&noCorpus, "no-corpus", false, "train shared weights only, no per-corpus conventions (for experiments)")
	cmd.Flags().StringVar(&devOut, "dev-out", "", "write the held-out development parts to `DIR`")
	return cmd
}

type nerSplits struct {
	msraTrain, msraDev, resumeTrain, resumeDev, clueTrain, clueDev []ner.Sentence
	msraDevRaw, resumeDevRaw, clueDevRaw                           []byte
}

func loadNERData(dir string) (*nerSplits, error) {
	var sp nerSplits
	read := func(name string) ([]byte, error) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("NER data: %w", err)
		}
		return b, nil
	}
	parse := func(name string, b []byte, f func(io.Reader) ([]ner.Sentence, error)) ([]ner.Sentence, error) {
		s, err := f(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return s, nil
	}
	b, err := read(msraFile)
	if err != nil {
		return nil, err
	}
	blocks := splitBlocks(b)
	cut := len(blocks) - len(blocks)/msraDevShare
	trainRaw, devRaw := bytes.Join(blocks[:cut], []byte("\n")), bytes.Join(blocks[cut:], []byte("\n"))
	if sp.msraTrain, err = parse(msraFile, trainRaw, ner.ReadMSRA); err != nil {
		return nil, err
	}
	if sp.msraDev, err = parse(msraFile, devRaw, ner.ReadMSRA); err != nil {
		return nil, err
	}
	sp.msraDevRaw = devRaw
	if b, err = read(resumeFile); err != nil {
		return nil, err
	}
	if sp.resumeTrain, err = parse(resumeFile, b, ner.ReadResume); err != nil {
		return nil, err
	}
	if b, err = read(resumeDevFile); err != nil {
		return nil, err
	}
	if sp.resumeDev, err = parse(resumeDevFile, b, ner.ReadResume); err != nil {
		return nil, err
	}
	sp.resumeDevRaw = b
	if b, err = read(cluenerFile); err != nil {
		return nil, err
	}
	var lines [][]byte
	for l := range bytes.Lines(b) {
		if len(bytes.TrimSpace(l)) > 0 {
			lines = append(lines, l)
		}
	}
	cut = len(lines) - len(lines)/cluenerDevPart
	if sp.clueTrain, err = parse(cluenerFile, bytes.Join(lines[:cut], nil), ner.ReadCLUENER); err != nil {
		return nil, err
	}
	sp.clueDevRaw = bytes.Join(lines[cut:], nil)
	if sp.clueDev, err = parse(cluenerFile, sp.clueDevRaw, ner.ReadCLUENER); err != nil {
		return nil, err
	}
	return &sp, nil
}

// splitBlocks splits line-per-character data into sentence blocks, each
// ending with its last line's newline.
func splitBlocks(b []byte) [][]byte {
	var out [][]byte
	var cur []byte
	for l := range bytes.Lines(b) {
		if len(bytes.TrimSpace(l)) == 0 {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		if l[len(l)-1] != '\n' {
			l = append(l[:len(l):len(l)], '\n')
		}
		cur = append(cur, l...)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func (sp *nerSplits) writeDev(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, b := range map[string][]byte{"msra_dev.bio": sp.msraDevRaw, "resume_dev.bmes": sp.resumeDevRaw, "cluener_dev.jsonl": sp.clueDevRaw} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return fmt.Errorf("write dev data: %w", err)
		}
	}
	return nil
}
