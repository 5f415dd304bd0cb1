// Command peers-opa is the Open Policy Agent harness of `npm run bench:peers`
// (tools/bench/peers/README.md).
//
// Usage: peers-opa -policy policy.rego -facts facts.json -seconds 2 -min 1000 -warmup 5
//
// It prepares the query data.bench.fired once (rego.New(...).PrepareForEval, so the
// compiled policy and its rule index are reused), converts every declaration's facts to
// an OPA value once (ast.InterfaceToValue, with `words` as a set), then evaluates each
// declaration with pq.Eval(ctx, rego.EvalParsedInput(value)):
//  1. warm-up: cycling over the declarations for at least -warmup seconds and two passes;
//  2. one pass collecting the fired keys of every declaration (the differential check);
//  3. the timed loop: at least -seconds and -min evaluations, cycling.
//
// Prints one JSON line on stdout:
// {"declPerSec":R,"evaluations":N,"compileMs":C,"fired":[[keys...],...]}
// (declarations per second, milliseconds); progress on stderr.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

const query = "data.bench.fired"

// result is what the harness prints.
type result struct {
	DeclPerSec  float64    `json:"declPerSec"`
	Evaluations int64      `json:"evaluations"`
	CompileMs   float64    `json:"compileMs"`
	Fired       [][]string `json:"fired"`
}

// readInputs reads the facts file (a JSON array of objects) into OPA values, numbers kept
// as their JSON text (exact), `words` turned from an array into a set.
func readInputs(path string) ([]ast.Value, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var facts []map[string]interface{}
	if err := dec.Decode(&facts); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	inputs := make([]ast.Value, len(facts))
	for i, f := range facts {
		words, _ := f["words"].([]interface{})
		delete(f, "words")
		v, err := ast.InterfaceToValue(f)
		if err != nil {
			return nil, fmt.Errorf("declaration %d: %w", i, err)
		}
		terms := make([]*ast.Term, 0, len(words))
		for _, w := range words {
			s, ok := w.(string)
			if !ok {
				return nil, fmt.Errorf("declaration %d: a word is not a string", i)
			}
			terms = append(terms, ast.StringTerm(s))
		}
		obj := v.(ast.Object)
		obj.Insert(ast.StringTerm("words"), ast.SetTerm(terms...))
		inputs[i] = obj
	}
	return inputs, nil
}

// firedKeys evaluates one declaration and returns the fired keys (unsorted).
func firedKeys(ctx context.Context, pq rego.PreparedEvalQuery, input ast.Value) ([]string, error) {
	rs, err := pq.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, nil // no rule body held: the set is empty (undefined is not expected, but means the same)
	}
	items, ok := rs[0].Expressions[0].Value.([]interface{})
	if !ok {
		return nil, fmt.Errorf("unexpected result %T", rs[0].Expressions[0].Value)
	}
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i], _ = it.(string)
	}
	return keys, nil
}

func main() {
	policyPath := flag.String("policy", "", "Rego module (package bench)")
	factsPath := flag.String("facts", "", "JSON array of declaration facts")
	seconds := flag.Float64("seconds", 2, "minimum seconds of the timed loop")
	warmup := flag.Float64("warmup", 2, "minimum seconds of the warm-up")
	minEvals := flag.Int64("min", 1000, "minimum evaluations of the timed loop")
	flag.Parse()
	if *policyPath == "" || *factsPath == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*policyPath, *factsPath, *seconds, *warmup, *minEvals); err != nil {
		fmt.Fprintln(os.Stderr, "opa:", err)
		os.Exit(1)
	}
}

func run(policyPath, factsPath string, seconds, warmup float64, minEvals int64) error {
	ctx := context.Background()
	module, err := os.ReadFile(policyPath)
	if err != nil {
		return err
	}
	inputs, err := readInputs(factsPath)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return fmt.Errorf("no declarations in %s", factsPath)
	}

	t0 := time.Now()
	pq, err := rego.New(rego.Query(query), rego.Module("policy.rego", string(module))).PrepareForEval(ctx)
	if err != nil {
		return err
	}
	compileMs := float64(time.Since(t0).Microseconds()) / 1000
	fmt.Fprintf(os.Stderr, "opa: policy prepared in %.0f ms\n", compileMs)

	budget := time.Duration(seconds * float64(time.Second))
	n := len(inputs)
	warmBudget := time.Duration(warmup * float64(time.Second))
	warmStart := time.Now()
	for i := 0; i < 2*n || time.Since(warmStart) < warmBudget; i++ {
		if _, err := pq.Eval(ctx, rego.EvalParsedInput(inputs[i%n])); err != nil {
			return err
		}
	}

	fired := make([][]string, n)
	for i, in := range inputs {
		keys, err := firedKeys(ctx, pq, in)
		if err != nil {
			return err
		}
		sort.Strings(keys)
		fired[i] = keys
	}

	var count int64
	start := time.Now()
	var elapsed time.Duration
	for {
		if _, err := pq.Eval(ctx, rego.EvalParsedInput(inputs[count%int64(n)])); err != nil {
			return err
		}
		count++
		elapsed = time.Since(start)
		if count >= minEvals && elapsed >= budget {
			break
		}
	}
	perSec := float64(count) / elapsed.Seconds()
	fmt.Fprintf(os.Stderr, "opa: %d evaluations, %.0f decl/s\n", count, perSec)
	return json.NewEncoder(os.Stdout).Encode(result{DeclPerSec: perSec, Evaluations: count, CompileMs: compileMs, Fired: fired})
}
