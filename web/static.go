package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"time"
)

//go:embed static
var staticFS embed.FS

//go:embed templates
var templateFS embed.FS

// asset is an embedded static file.
type asset struct {
	data  []byte
	ctype string
	etag  string
}

// assets are the static files by name: the only files the server sends.
var assets = loadAssets()

func loadAssets() map[string]asset {
	out := map[string]asset{}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		out[path.Base(p)] = asset{data: b, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		return nil
	})
	if err != nil {
		panic("web: embedded assets: " + err.Error())
	}
	return out
}

// assetVersion is a digest of the assets, appended to their addresses so
// that a new binary's files are fetched anew.
var assetVersion = func() string {
	h := sha256.New()
	for _, n := range []string{"app.css", "app.js"} {
		h.Write(assets[n].data)
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}()

// serveStatic sends an embedded asset by name; a request names a file,
// never a path of the file system.
func serveStatic(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if name == "" {
		name = path.Base(r.URL.Path)
	}
	a, ok := assets[name]
	if !ok {
		http.Error(w, "404 没有这个文件", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", a.ctype)
	w.Header().Set("ETag", a.etag)
	w.Header().Set("Cache-Control", "public, max-age=86400")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(a.data))
}
