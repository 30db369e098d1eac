package facts

import "testing"

func TestRowWithin(t *testing.T) {
	for _, c := range []struct {
		date, published, from, to string
		want                      bool
	}{
		{"2021-06-24", "2021-07-06", "2021-06", "2021-06", true},
		{"2021-06-24", "2021-07-06", "2021-07", "", false},
		{"", "2021-07-06T09:30:00+08:00", "2021-07-06", "2021-07-06", true},
		{"XXXX-06-24", "2021-07-06", "2021", "2021", true},
		{"2020", "2021-07-06", "2020-01", "2020-12", true},
		{"", "", "2021", "", false},
		{"", "", "", "", true},
		{"2021-06-24", "", "2021-06-25", "", false},
		{"2021-06-24", "", "", "2021-06-23", false},
	} {
		r := Row{Date: c.date, Published: c.published}
		if got := r.Within(c.from, c.to); got != c.want {
			t.Errorf("Row{Date: %q, Published: %q}.Within(%q, %q) = %v, want %v", c.date, c.published, c.from, c.to, got, c.want)
		}
	}
}
