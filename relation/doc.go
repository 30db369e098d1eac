// Package relation reads the facts of a Chinese school news article from
// its text and entities: who signed what with whom and who represented
// each side (type "signing"), who was appointed, hired or elected into a
// post ("appointment"), and who spoke at or attended the event ("speech",
// "attendance"). It follows the annotation rules of zhnews
// (spec/annotation.md).
//
// Relations are read sentence by sentence with patterns over the
// entities the entity stage found (people with their roles, organizations
// with their short forms) and the dates of the date stage:
//
//   - A与B签署/签订/签约…协议: one relation per agreement; "A与B、C签署"
//     and "A分别与B、C签署" give one relation per partner, "A、B、C三方签约"
//     and 共同签署 one relation of all the parties;
//   - "X代表A…", "X、Y分别代表A、B/双方", and a signer's title at an
//     organization name the representatives; 双方 and a lone party take the
//     parties of the ceremony the article describes;
//   - 共同为…揭牌/授牌/挂牌 and 共建 of a unit: subject is the unit;
//   - 聘请X为, X被聘为, 受聘, 为X颁发…聘书, 任命, 当选: appointments.
//
// Find is a pure function of its input and safe for concurrent use.
// Offsets in Mentions are [start, end) rune offsets into the body, like
// every offset of zhnews.
package relation
