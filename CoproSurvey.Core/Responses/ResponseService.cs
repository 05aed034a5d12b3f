using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Responses;

/// <summary>The respondent's path through a questionnaire: entry, consent, pages, completion.</summary>
public sealed class ResponseService(IDbContextFactory<CoproSurveyDbContext> contextFactory, TimeProvider time)
{
    public Task<SurveyEntry?> GetEntryAsync(string studyKey, Audience audience, CancellationToken ct) =>
        throw new NotImplementedException(contextFactory.ToString() + time);

    public Task<StartResult> StartAsync(string studyKey, Audience audience, RespondentContext context, CancellationToken ct) =>
        throw new NotImplementedException();

    public Task DeclineAsync(string studyKey, Audience audience, RespondentContext context, CancellationToken ct) =>
        throw new NotImplementedException();

    public Task<ResponseState?> GetStateAsync(string resumeCode, CancellationToken ct) =>
        throw new NotImplementedException();

    public Task<PageView?> GetPageAsync(string resumeCode, int page, CancellationToken ct) =>
        throw new NotImplementedException();

    public Task<SubmitResult> SubmitPageAsync(string resumeCode, int page, IReadOnlyDictionary<string, IReadOnlyList<string>> form, CancellationToken ct) =>
        throw new NotImplementedException();
}
