// Package ner finds people, organizations, locations and job titles in
// Chinese text.
//
// The tagger labels characters with BIOES tags over the types PERSON, ORG,
// LOC and TITLE. It is a first-order linear-chain model trained as an
// averaged structured perceptron and decoded with Viterbi under BIOES
// constraints, so that the spans it returns are always well formed. Its
// features are hashed to 64-bit keys: characters and character n-grams
// around the position, character classes, the gse word the character is in
// (position in the word, length, the word itself, its part of speech, the
// words before and after), and lexicons harvested from the training data
// (surnames, organization, location and title suffixes, and a gazetteer of
// frequent entity words).
//
// Text is mapped rune for rune to simplified characters with package zhconv
// before features are computed, so traditional Chinese is tagged with the
// same model; byte offsets are unchanged by that mapping.
//
// A [Model] is built by [Train] (see the "zhnews train" command), written with
// [Model.Save] and read with [Load]; [Embedded] loads the model committed
// with the package. A loaded Model is read-only and safe for concurrent use.
package ner
