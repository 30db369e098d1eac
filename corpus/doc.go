// Package corpus reads news pages in bulk: single files, folders (recursively),
// standard input, .zip, .tar, .tar.gz/.tgz archives and WARC web archives
// (.warc, .warc.gz), and decodes their bytes from the character encodings
// Chinese sites use (UTF-8, GBK/GB2312, GB18030, Big5).
//
// Readers yield one [Item] at a time, so a collection of any size is read in
// constant memory. Problems with one input (an unreadable file, a member that
// escapes its archive, one over the size limit) are yielded as errors that
// name the input, and reading goes on with the rest.
//
// [Decode] turns an item's bytes into text: it checks a declared charset
// against the bytes rather than trusting it, and otherwise tells GBK/GB18030
// from Big5 and UTF-8 by how many common Chinese characters each decoding
// gives. [IsHTML] tells HTML pages from plain text.
package corpus
