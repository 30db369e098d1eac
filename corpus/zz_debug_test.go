package corpus
import ("testing";"time")
func TestZZ(t *testing.T){
 seed := tarBytes(t, append(fuzzMembers(t), member{name: "hard.html", kind: 'h'}), false)
 for i := 0; i < 3; i++ { s := time.Now(); fuzzRead(t, "in.tar", seed); t.Log(time.Since(s)) }
}
