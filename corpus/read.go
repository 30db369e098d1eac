package corpus

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxSize is the size limit used when [Options.MaxSize] is 0.
const DefaultMaxSize = 32 << 20

// Item is one input document: a file, an archive member or a WARC response
// record.
type Item struct {
	// Path names the document: as given on the command line (or found in a
	// folder) for files; "archive!member" for archive members; "-" for
	// standard input; "file.warc.gz!<target URI or record id>" for WARC
	// records.
	Path string
	// URL is the WARC-Target-URI of a WARC record; empty otherwise.
	URL string
	// ContentType is the HTTP Content-Type header of a WARC response (such
	// as "text/html; charset=gbk"); empty otherwise.
	ContentType string
	// Data holds the raw bytes. For WARC records it is the HTTP body after
	// undoing chunked transfer encoding and gzip or deflate content
	// encoding.
	Data []byte
}

// Options tune [Read].
type Options struct {
	// MaxSize is the size limit in bytes of one file, member or response
	// body; larger ones are reported with [ErrTooLarge] and skipped. 0
	// means [DefaultMaxSize].
	MaxSize int64
}

// Read yields every item of the inputs in order.
//
// An input is "-" for standard input (read once, as one document), a
// folder (walked recursively in lexical order, skipping hidden files and
// folders whose names start with "." and not following symbolic links to
// folders; in a folder only pages, text files and archives are read, by
// extension: .html, .htm, .shtml, .xhtml, .php, .asp(x), .jsp, .txt …,
// no extension, and the archive kinds below), or a file. Files are read by name: .zip, .tar, .tar.gz and .tgz
// archives yield their regular members in archive order; .warc and .warc.gz
// files yield their HTTP response records (see below); any other file is
// one document. The checks are case-insensitive.
//
// Archive members are named "archive!member". Members whose names are
// absolute or have ".." components ([ErrUnsafePath]), symbolic and hard
// links ([ErrLink]), members over the size limit ([ErrTooLarge]) and
// archives inside archives ([ErrNestedArchive], not expanded) are reported
// and skipped; folders and other special members are skipped silently.
//
// From WARC files only response records with an HTTP block are read;
// warcinfo, request, metadata, revisit and other records, and responses
// for other protocols (dns:, ftp:), are skipped silently, and so are HTTP
// responses whose status is not 2xx or whose Content-Type is not text
// (text/* other than CSS and JavaScript, or XHTML; with no Content-Type
// the body is sniffed). A response block that is not HTTP is reported with
// [ErrNotResponse]. Each record of a .warc.gz must be its own gzip member,
// as the WARC standard recommends.
//
// A problem with one input, member or record is yielded as
// (Item{Path: p}, err) with err an [*InputError] naming p, and reading goes
// on with the next one. When ctx is cancelled, Read yields (Item{},
// ctx.Err()) once and stops; it also stops when the consumer ends the
// iteration.
func Read(ctx context.Context, inputs []string, opts Options) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		r := &reader{ctx: ctx, max: opts.MaxSize, yield: yield, stdin: os.Stdin}
		if r.max <= 0 {
			r.max = DefaultMaxSize
		}
		for _, in := range inputs {
			if !r.input(in) {
				return
			}
		}
	}
}

// reader holds the state of one Read iteration. Its methods return false
// when iteration must stop.
type reader struct {
	ctx       context.Context
	max       int64
	yield     func(Item, error) bool
	stdin     io.Reader
	stdinRead bool
	stopped   bool
}

// live reports whether iteration goes on; on cancellation it yields the
// context's error once.
func (r *reader) live() bool {
	if r.stopped {
		return false
	}
	if err := r.ctx.Err(); err != nil {
		r.yield(Item{}, err)
		r.stopped = true
		return false
	}
	return true
}

func (r *reader) emit(it Item) bool {
	if !r.live() {
		return false
	}
	if !r.yield(it, nil) {
		r.stopped = true
	}
	return !r.stopped
}

func (r *reader) fail(path string, err error) bool {
	if !r.live() {
		return false
	}
	if !r.yield(Item{Path: path}, &InputError{Path: path, Err: err}) {
		r.stopped = true
	}
	return !r.stopped
}

func (r *reader) input(path string) bool {
	if !r.live() {
		return false
	}
	if path == "-" {
		return r.readStdin()
	}
	info, err := os.Stat(path)
	if err != nil {
		return r.fail(path, pathErr(err))
	}
	if info.IsDir() {
		return r.walk(path)
	}
	return r.file(path, info)
}

func (r *reader) readStdin() bool {
	if r.stdinRead {
		return r.fail("-", ErrStdinReused)
	}
	r.stdinRead = true
	data, err := r.readLimited(r.stdin, -1)
	if err != nil {
		return r.fail("-", fmt.Errorf("read standard input: %w", err))
	}
	return r.emit(Item{Path: "-", Data: data})
}

// walk reads the files under a folder in lexical order.
func (r *reader) walk(root string) bool {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if !r.live() {
			return filepath.SkipAll
		}
		if err != nil {
			if !r.fail(p, pathErr(err)) {
				return filepath.SkipAll
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		var info fs.FileInfo
		if d.Type()&fs.ModeSymlink != 0 {
			info, err = os.Stat(p)
		} else {
			info, err = d.Info()
		}
		if err != nil {
			if !r.fail(p, pathErr(err)) {
				return filepath.SkipAll
			}
			return nil
		}
		if !info.Mode().IsRegular() { // links to folders, devices, sockets
			return nil
		}
		if !pageOrArchive(p) {
			return nil // images, scripts, gold files … found in a folder
		}
		if !r.file(p, info) {
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil && !r.stopped {
		return r.fail(root, pathErr(err))
	}
	return !r.stopped
}

// pageExts are the file name extensions read when walking a folder, besides
// archives. Files named on the command line are read whatever their name.
var pageExts = map[string]bool{
	"": true, ".html": true, ".htm": true, ".shtml": true, ".shtm": true, ".xhtml": true, ".xht": true,
	".php": true, ".asp": true, ".aspx": true, ".jsp": true, ".jspx": true, ".do": true, ".cfm": true,
	".psp": true, ".chtml": true, ".txt": true, ".text": true,
}

// pageOrArchive reports whether a file found in a folder is read: a page,
// a text file or an archive (by its name).
func pageOrArchive(name string) bool {
	return kindOf(name) != kindPlain || pageExts[strings.ToLower(filepath.Ext(name))]
}

// archive kinds recognised by file name.
const (
	kindPlain = iota
	kindZip
	kindTar
	kindTarGz
	kindWARC
)

func kindOf(name string) int {
	name = strings.ToLower(name)
	switch {
	case strings.HasSuffix(name, ".warc"), strings.HasSuffix(name, ".warc.gz"):
		return kindWARC
	case strings.HasSuffix(name, ".tar.gz"), strings.HasSuffix(name, ".tgz"):
		return kindTarGz
	case strings.HasSuffix(name, ".tar"):
		return kindTar
	case strings.HasSuffix(name, ".zip"):
		return kindZip
	}
	return kindPlain
}

// file reads one file given by name, expanding archives.
func (r *reader) file(path string, info fs.FileInfo) bool {
	kind := kindOf(path)
	if kind == kindZip {
		return r.readZip(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return r.fail(path, pathErr(err))
	}
	defer f.Close()
	switch kind {
	case kindTar:
		return r.readTar(path, f)
	case kindTarGz:
		zr, err := gzip.NewReader(f)
		if err != nil {
			return r.fail(path, fmt.Errorf("read gzip: %w", err))
		}
		defer zr.Close()
		return r.readTar(path, zr)
	case kindWARC:
		return r.readWARC(path, f)
	}
	data, err := r.readLimited(f, info.Size())
	if err != nil {
		return r.fail(path, fmt.Errorf("read: %w", err))
	}
	return r.emit(Item{Path: path, Data: data})
}

// readLimited reads all of src, or fails with ErrTooLarge when the known
// size or the bytes read pass the limit. size < 0 means unknown.
func (r *reader) readLimited(src io.Reader, size int64) ([]byte, error) {
	if size > r.max {
		return nil, r.tooLarge(size)
	}
	data, err := io.ReadAll(io.LimitReader(src, r.max+1))
	if err != nil {
		return data, err // partial data, for callers that tolerate truncation
	}
	if int64(len(data)) > r.max {
		return nil, r.tooLarge(-1)
	}
	return data, nil
}

func (r *reader) tooLarge(size int64) error {
	if size >= 0 {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, size, r.max)
	}
	return fmt.Errorf("%w: over %d bytes", ErrTooLarge, r.max)
}

// checkMember reports why an archive member must be skipped, or nil.
func checkMember(name string) error {
	if !safeName(name) {
		return ErrUnsafePath
	}
	if kindOf(name) != kindPlain {
		return ErrNestedArchive
	}
	return nil
}

// safeName reports whether an archive member name stays inside the archive:
// not empty, not absolute (also in Windows terms), no ".." component, no
// NUL byte.
func safeName(name string) bool {
	if name == "" || strings.IndexByte(name, 0) >= 0 {
		return false
	}
	n := strings.ReplaceAll(name, `\`, "/")
	if strings.HasPrefix(n, "/") || (len(n) >= 2 && n[1] == ':') {
		return false
	}
	for part := range strings.SplitSeq(n, "/") {
		if part == ".." {
			return false
		}
	}
	return true
}

func (r *reader) readZip(path string) bool {
	zr, err := zip.OpenReader(path)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return r.fail(path, pathErr(err))
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !r.live() {
			return false
		}
		member := path + "!" + f.Name
		mode := f.Mode()
		if mode.IsDir() || strings.HasSuffix(f.Name, "/") {
			continue
		}
		if !safeName(f.Name) {
			if !r.fail(member, ErrUnsafePath) {
				return false
			}
			continue
		}
		if mode&fs.ModeSymlink != 0 {
			if !r.fail(member, ErrLink) {
				return false
			}
			continue
		}
		if err := checkMember(f.Name); err != nil {
			if !r.fail(member, err) {
				return false
			}
			continue
		}
		data, err := r.readZipFile(f)
		if err != nil {
			if !r.fail(member, err) {
				return false
			}
			continue
		}
		if !r.emit(Item{Path: member, Data: data}) {
			return false
		}
	}
	return true
}

func (r *reader) readZipFile(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > uint64(r.max) {
		return nil, r.tooLarge(int64(min(f.UncompressedSize64, 1<<62)))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	defer rc.Close()
	data, err := r.readLimited(rc, -1)
	if err != nil && !errors.Is(err, ErrTooLarge) {
		return nil, fmt.Errorf("read: %w", err)
	}
	return data, err
}

func (r *reader) readTar(path string, src io.Reader) bool {
	tr := tar.NewReader(src)
	for {
		if !r.live() {
			return false
		}
		hdr, err := tr.Next()
		if err == io.EOF {
			return true
		}
		if err != nil && !errors.Is(err, tar.ErrInsecurePath) {
			return r.fail(path, fmt.Errorf("read tar: %w", err))
		}
		member := path + "!" + hdr.Name
		var skip error
		switch hdr.Typeflag {
		case tar.TypeReg, 0 /* pre-POSIX regular file */, tar.TypeGNUSparse:
			skip = checkMember(hdr.Name)
		case tar.TypeSymlink, tar.TypeLink:
			skip = ErrLink
			if !safeName(hdr.Name) {
				skip = ErrUnsafePath
			}
		default: // folders, devices, fifos, global headers
			continue
		}
		if skip != nil {
			if !r.fail(member, skip) {
				return false
			}
			continue
		}
		data, err := r.readLimited(tr, hdr.Size)
		switch {
		case errors.Is(err, ErrTooLarge):
			if !r.fail(member, err) {
				return false
			}
		case err != nil: // the archive itself is broken
			return r.fail(member, fmt.Errorf("read: %w", err))
		default:
			if !r.emit(Item{Path: member, Data: data}) {
				return false
			}
		}
	}
}

// pathErr drops the path from an *fs.PathError, since InputError names the
// path already: "stat x: no such file" becomes "stat: no such file".
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
