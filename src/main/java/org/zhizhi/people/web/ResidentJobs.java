package org.zhizhi.people.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zhizhi.people.ImportReports;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.PeopleRoles;
import org.zhizhi.people.PeopleViews.ResidentSearch;
import org.zhizhi.people.ResidentImports;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.jobs.LongWork;
import org.zhizhi.shared.jobs.LongWork.Result;

/**
 * The pages' slow work on residents, run as background jobs: the check of an uploaded sheet (20,000 rows take a while
 * — each ID number is looked up) and the export of a whole list. The API keeps doing both in the request, as its
 * clients expect; the pages hand them to {@link LongWork} and follow {@code /jobs/{id}}.
 */
@Component
class ResidentJobs {

	static final String IMPORT_CHECK = "job.kind.residentImportCheck";

	static final String EXPORT = "job.kind.residentExport";

	private final LongWork work;

	private final ResidentImports imports;

	private final ImportReports reports;

	private final PeopleQueries queries;

	private final MessageSource messages;

	ResidentJobs(LongWork work, ResidentImports imports, ImportReports reports, PeopleQueries queries,
			MessageSource messages) {
		this.work = work;
		this.imports = imports;
		this.reports = reports;
		this.queries = queries;
		this.messages = messages;
	}

	/** Checks the sheet in the background; the result is the report's page, with 确认导入 when it is clean. */
	UUID checkImport(Actor actor, byte[] sheet, Locale locale) {
		// refused here, in the request, rather than as a failed job
		if (!PeopleRoles.mayWrite(actor)) {
			throw new DomainException(DomainException.Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		return work.start(actor, IMPORT_CHECK, "/residents/import", progress -> {
			var report = imports.check(actor, new ByteArrayInputStream(sheet), locale, progress);
			return Result.page("/residents/import/checks/" + reports.keep(actor, report));
		});
	}

	/** Writes the list's workbook in the background; the result is the file, kept with the job for a day. */
	UUID export(Actor actor, ResidentSearch search, Locale locale) {
		long total = queries.search(actor, search.withPage(0, 1)).total();
		return work.start(actor, EXPORT, "/residents", progress -> {
			progress.total(total);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ResidentSheet.write(queries, actor, search, messages, locale, out, progress::advance);
			return Result.file("residents.xlsx", ResidentApiController.XLSX, out.toByteArray());
		});
	}
}
