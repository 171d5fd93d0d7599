// Spectre.Console.Cli keeps process-wide state (its console, its settings cache); commands run one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
