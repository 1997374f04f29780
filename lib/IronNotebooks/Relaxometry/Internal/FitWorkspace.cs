namespace IronNotebooks.Relaxometry.Internal;

/// <summary>Scratch arrays for one thread of fitting, so that pixel maps allocate nothing per pixel.</summary>
internal sealed class FitWorkspace
{
    public const int MaxParameters = 4;

    public FitWorkspace(int echoes)
    {
        Jacobian = new double[echoes * MaxParameters];
        Residual = new double[echoes];
        TimesSeconds = new double[echoes];
        Signal = new double[echoes];
    }

    public double[] Jacobian { get; }
    public double[] Residual { get; }
    public double[] TimesSeconds { get; }
    public double[] Signal { get; }
    public double[] Normal { get; } = new double[MaxParameters * MaxParameters];
    public double[] Augmented { get; } = new double[MaxParameters * MaxParameters];
    public double[] Gradient { get; } = new double[MaxParameters];
    public double[] Step { get; } = new double[MaxParameters];
    public double[] Parameters { get; } = new double[MaxParameters];
    public double[] Trial { get; } = new double[MaxParameters];
    public double[] Covariance { get; } = new double[MaxParameters * MaxParameters];
}
