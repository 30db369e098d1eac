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
// The training corpora follow different annotation conventions (CLUENER
// addresses are whole addresses and its organizations include courts and
// congresses, MSRA places are single toponyms, MSRA does not annotate
// titles). Training therefore learns, for every feature, shared weights and
// one block of weights per corpus ("frustratingly easy" domain adaptation,
// Daumé 2007): each sentence is scored with the shared weights plus those of
// its corpus, and both are updated. A [Scheme] picks the conventions at tag
// time: [Model.Tag] uses [DefaultScheme] (MSRA news, closest to school
// news), [Model.TagScheme] any scheme, and [Model.Detect], a naive Bayes
// classifier over characters trained on which corpus a sentence came from,
// picks the scheme for a whole input ("zhnews tag --scheme auto").
//
// Text is mapped rune for rune to simplified characters with package zhconv
// before features are computed, so traditional Chinese is tagged with the
// same model; byte offsets are unchanged by that mapping.
//
// A [Model] is built by [Train] (see the "zhnews train" command), written with
// [Model.Save] and read with [Load]; [Embedded] loads the model committed
// with the package. A loaded Model is read-only and safe for concurrent use.
package ner
