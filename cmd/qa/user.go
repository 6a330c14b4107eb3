package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/qa-scorer/qa-scorer/internal/httpapi"
	"github.com/qa-scorer/qa-scorer/internal/password"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// runUser is `qa user add|token`: manage people from the command line, to bootstrap an
// administrator or issue an API token for an integration.
func runUser(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: want qa user add|token [flags]", errUsage)
	}
	switch args[0] {
	case "add":
		return runUserAdd(ctx, e, args[1:])
	case "token":
		return runUserToken(ctx, e, args[1:])
	}
	return fmt.Errorf("%w: unknown subcommand %q; want add or token", errUsage, args[0])
}

// runUserAdd is `qa user add --email --name --role [--agent-id] [--teams] [--password]`. The
// password is generated and printed when not given.
func runUserAdd(ctx context.Context, e env, args []string) error {
	var db dbFlags
	var u qa.User
	var role, teams, pw string
	fset := flag.NewFlagSet("user add", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	db.register(fset)
	fset.StringVar(&u.Email, "email", "", "email (the sign-in name)")
	fset.StringVar(&u.Name, "name", "", "full name")
	fset.StringVar(&role, "role", "", "admin, trainer, qa_reviewer, team_lead or agent")
	fset.StringVar(&u.AgentID, "agent-id", "", "for an agent: the agent id used in transcripts")
	fset.StringVar(&teams, "teams", "", "comma-separated teams (a team lead's teams, an agent's team)")
	fset.StringVar(&pw, "password", "", "password (generated and printed when empty)")
	if err := fset.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	u.Role = qa.Role(role)
	for _, t := range strings.Split(teams, ",") {
		if t = strings.TrimSpace(t); t != "" {
			u.Teams = append(u.Teams, t)
		}
	}
	if err := httpapi.ValidateUser(&u); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	generated := pw == ""
	if generated {
		var err error
		if pw, err = password.Generate(20); err != nil {
			return err
		}
	}
	hash, err := password.Hasher{}.Hash(pw)
	if err != nil {
		return fmt.Errorf("%w: --password: %v", errUsage, err)
	}
	u.PasswordHash = hash
	log, err := db.logger(e.stderr)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, db.database, log)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.CreateUser(ctx, &u); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "created %s %s (id %d)\n", u.Role, u.Email, u.ID)
	if generated {
		fmt.Fprintf(e.stdout, "password: %s\n", pw)
	}
	return nil
}

// runUserToken is `qa user token --email E --name N`: issue an API token for a user and print
// it (only its hash is stored).
func runUserToken(ctx context.Context, e env, args []string) error {
	var db dbFlags
	var email, name string
	fset := flag.NewFlagSet("user token", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	db.register(fset)
	fset.StringVar(&email, "email", "", "the user the token acts as")
	fset.StringVar(&name, "name", "", "what the token is for")
	if err := fset.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if email == "" || name == "" {
		return fmt.Errorf("%w: --email and --name are required", errUsage)
	}
	log, err := db.logger(e.stderr)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, db.database, log)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.UserByEmail(ctx, email)
	if err != nil {
		return err
	}
	secret, hash, err := httpapi.NewAPIToken()
	if err != nil {
		return err
	}
	if err := st.CreateAPIToken(ctx, &qa.APIToken{UserID: u.ID, Name: name, Hash: hash}); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, secret)
	return nil
}
