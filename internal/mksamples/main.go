// Command mksamples packs the sample pages into the archive formats that
// zhnews reads, so that the archive readers can be tried on them:
//
//	go run ./internal/mksamples [-pages samples/pages] [-out samples/archives]
//
// It reads every regular file of the pages folder except hidden files,
// gold files (*.gold.json) and Markdown notes (*.md), in lexical order, and
// writes pages.zip, pages.tar.gz and pages.warc.gz to the output folder.
// The WARC file holds a warcinfo record and, for each page, a request
// record and an HTTP 200 response record for the made-up URL
// http://news.example.edu.cn/<name>, with Content-Type
// "text/html; charset=<charset the page declares, or utf-8>" (text/plain
// for .txt files). Each record is gzipped on its own.
//
// The output is deterministic: fixed modification times, sorted order,
// WARC record ids and dates derived from the page names, so a rerun on the
// same pages gives the same bytes.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/nlnwa/gowarc/v3"
)

// siteURL is the made-up site the WARC records claim to come from.
const siteURL = "http://news.example.edu.cn/"

// baseTime is the modification time of every member and the day of the
// crawl; WARC record times are spread over that day by page name.
var baseTime = time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)

func main() {
	pages := flag.String("pages", filepath.Join("samples", "pages"), "folder of sample pages")
	out := flag.String("out", filepath.Join("samples", "archives"), "folder to write the archives to")
	flag.Parse()
	names, err := run(*pages, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mksamples:", err)
		os.Exit(1)
	}
	fmt.Printf("mksamples: packed %d pages into %s\n", len(names), *out)
}

// page is one sample file.
type page struct {
	name string
	data []byte
}

// run packs the pages of dir into the three archives in out and returns
// the names of the pages packed.
func run(dir, out string) ([]string, error) {
	pages, err := readPages(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	writers := []struct {
		name  string
		write func(io.Writer, []page) error
	}{
		{"pages.zip", writeZip},
		{"pages.tar.gz", writeTarGz},
		{"pages.warc.gz", writeWARC},
	}
	for _, w := range writers {
		var buf bytes.Buffer
		if err := w.write(&buf, pages); err != nil {
			return nil, fmt.Errorf("write %s: %w", w.name, err)
		}
		if err := os.WriteFile(filepath.Join(out, w.name), buf.Bytes(), 0o644); err != nil {
			return nil, err
		}
	}
	names := make([]string, len(pages))
	for i, p := range pages {
		names[i] = p.name
	}
	return names, nil
}

// readPages reads the sample files of dir (not its subfolders) in lexical
// order.
func readPages(dir string) ([]page, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no pages folder %s", dir)
		}
		return nil, err
	}
	var pages []page
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") ||
			strings.HasSuffix(name, ".gold.json") || strings.HasSuffix(strings.ToLower(name), ".md") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		pages = append(pages, page{name, data})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].name < pages[j].name })
	return pages, nil
}

func writeZip(w io.Writer, pages []page) error {
	zw := zip.NewWriter(w)
	for _, p := range pages {
		h := &zip.FileHeader{Name: "pages/" + p.name, Method: zip.Deflate, Modified: baseTime}
		h.SetMode(0o644)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(p.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

func writeTarGz(w io.Writer, pages []page) error {
	zw := gzip.NewWriter(w) // zero header time and no name: deterministic
	tw := tar.NewWriter(zw)
	for _, p := range pages {
		h := &tar.Header{
			Typeflag: tar.TypeReg,
			Name:     "pages/" + p.name,
			Mode:     0o644,
			Size:     int64(len(p.data)),
			ModTime:  baseTime,
			Format:   tar.FormatUSTAR,
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(p.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return zw.Close()
}

func writeWARC(w io.Writer, pages []page) error {
	info := "software: zhnews mksamples\r\nformat: WARC File Format 1.1\r\n" +
		"description: synthetic sample pages, all content invented\r\n"
	rec, err := buildRecord(gowarc.Warcinfo, "pages.warc.gz", "", gowarc.ApplicationWarcFields, baseTime, []byte(info))
	if err != nil {
		return err
	}
	if err := writeRecord(w, rec); err != nil {
		return err
	}
	for _, p := range pages {
		url := siteURL + p.name
		date := recordTime(p.name)
		req := "GET /" + p.name + " HTTP/1.1\r\nHost: news.example.edu.cn\r\nUser-Agent: zhnews-mksamples\r\n\r\n"
		rec, err := buildRecord(gowarc.Request, url, url, "application/http;msgtype=request", date, []byte(req))
		if err != nil {
			return err
		}
		if err := writeRecord(w, rec); err != nil {
			return err
		}
		var block bytes.Buffer
		fmt.Fprintf(&block, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", contentType(p), len(p.data))
		block.Write(p.data)
		rec, err = buildRecord(gowarc.Response, url, url, "application/http;msgtype=response", date, block.Bytes())
		if err != nil {
			return err
		}
		if err := writeRecord(w, rec); err != nil {
			return err
		}
	}
	return nil
}

// buildRecord makes a WARC record whose id derives from the record type and
// key.
func buildRecord(typ gowarc.RecordType, key, uri, contentType string, date time.Time, block []byte) (gowarc.WarcRecord, error) {
	rb := gowarc.NewRecordBuilder(typ, gowarc.WithAddMissingDigest(true))
	id := uuid.NewSHA1(uuid.NameSpaceURL, []byte(typ.String()+" "+key))
	rb.AddWarcHeader(gowarc.WarcRecordID, "<"+id.URN()+">")
	rb.AddWarcHeaderTime(gowarc.WarcDate, date)
	if uri != "" {
		rb.AddWarcHeader(gowarc.WarcTargetURI, uri)
	}
	if typ == gowarc.Warcinfo {
		rb.AddWarcHeader(gowarc.WarcFilename, key)
	}
	rb.AddWarcHeader(gowarc.ContentType, contentType)
	if _, err := rb.Write(block); err != nil {
		return nil, err
	}
	rec, _, err := rb.Build()
	return rec, err
}

// writeRecord writes rec as its own gzip member.
func writeRecord(w io.Writer, rec gowarc.WarcRecord) error {
	defer rec.Close()
	zw := gzip.NewWriter(w)
	if _, _, err := gowarc.NewMarshaler().Marshal(zw, rec, 0); err != nil {
		return err
	}
	return zw.Close()
}

// recordTime spreads the records over the crawl day by page name.
func recordTime(name string) time.Time {
	h := fnv.New32a()
	h.Write([]byte(name))
	return baseTime.Add(time.Duration(h.Sum32()%(10*3600)) * time.Second)
}

var charsetRE = regexp.MustCompile(`(?i)<meta[^>]*charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// contentType is the HTTP Content-Type sent with a page: the charset it
// declares in a <meta>, or utf-8.
func contentType(p page) string {
	mt := "text/html"
	if strings.HasSuffix(strings.ToLower(p.name), ".txt") {
		mt = "text/plain"
	}
	cs := "utf-8"
	head := p.data[:min(len(p.data), 4096)]
	if m := charsetRE.FindSubmatch(head); m != nil {
		cs = strings.ToLower(string(m[1]))
	}
	return mt + "; charset=" + cs
}
