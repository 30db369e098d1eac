package corpus

import "errors"

// Sentinel errors wrapped by the [InputError] values that [Read] yields.
// Test for them with [errors.Is].
var (
	// ErrTooLarge marks a file, archive member or WARC record larger than
	// [Options.MaxSize].
	ErrTooLarge = errors.New("corpus: too large")
	// ErrUnsafePath marks an archive member whose name is absolute or has a
	// ".." component, so that it would escape the archive when extracted.
	ErrUnsafePath = errors.New("corpus: unsafe member path")
	// ErrLink marks a symbolic or hard link member of an archive.
	ErrLink = errors.New("corpus: link member")
	// ErrNotResponse marks a WARC response record whose block is not an
	// HTTP response (missing or malformed status line or headers).
	ErrNotResponse = errors.New("corpus: not an HTTP response")
	// ErrNestedArchive marks an archive found inside another archive; nested
	// archives are not expanded.
	ErrNestedArchive = errors.New("corpus: nested archive not expanded")
	// ErrStdinReused marks a second "-" input: standard input is read once.
	ErrStdinReused = errors.New("corpus: standard input already read")
)

// InputError reports a problem with one input: a file, a folder entry, an
// archive member or a WARC record. Path names it the same way [Item.Path]
// would.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return e.Path + ": " + e.Err.Error() }

func (e *InputError) Unwrap() error { return e.Err }
