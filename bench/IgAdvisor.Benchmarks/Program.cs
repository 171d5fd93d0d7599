using System.Diagnostics;
using BenchmarkDotNet.Running;
using IgAdvisor.Benchmarks;

// dotnet run -c Release --project bench/IgAdvisor.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/IgAdvisor.Benchmarks -- --profile   (time and allocation per question)
if (args is ["--profile"])
{
    var reader = Shared.Advisor.Reader;
    foreach (var q in QuestionBenchmarks.Questions) reader.Read(q);
    foreach (var q in QuestionBenchmarks.Questions)
    {
        const int n = 2000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) reader.Read(q);
        watch.Stop();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / n;
        Console.WriteLine($"{watch.Elapsed.TotalMicroseconds / n,8:0.0} µs {bytes,7} B  {q}");
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Shared).Assembly).Run(args);
